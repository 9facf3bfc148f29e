package org.openrom.api.store;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Episode;
import org.openrom.api.host.Patient;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable storage of responses on the site. Thread-safe; writes are serialised through one connection.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ResponseStore {

    /**
     * Saves a response, its scores and an outbox row in one transaction, and returns only after the
     * commit is durable. Saving a response id that is already stored changes nothing.
     *
     * @return {@link SaveOutcome#STORED}, or {@link SaveOutcome#ALREADY_STORED} for a repeat
     * @throws java.io.UncheckedIOException when the database cannot be written; nothing is half saved
     */
    SaveOutcome save(StoredResponse response);

    /**
     * Like {@link #save(StoredResponse)}, naming who saved it in the audit row written in the same transaction.
     * A repeat of a stored id writes no audit row.
     *
     * @param actor the signed-in user's host id (e.g. {@code clinician}); never a name or free text
     * @return {@link SaveOutcome#STORED}, or {@link SaveOutcome#ALREADY_STORED} for a repeat
     * @throws IllegalArgumentException when {@code actor} is blank or longer than 256 characters
     * @throws java.io.UncheckedIOException when the database cannot be written; nothing is half saved
     * @since 1.1.0
     */
    SaveOutcome save(StoredResponse response, String actor);

    /**
     * Appends one row to the hash-chained audit log in its own transaction, and returns only after the commit is
     * durable: callers record a view before they show the data. Rows name things, never answers or names, so
     * {@code action} and {@code object} are restricted to identifier characters.
     *
     * @param actor the signed-in user's host id; at most 256 characters, no control characters
     * @param action what was done, lower case with dots, e.g. {@code progress.viewed}; pattern
     *     {@code [a-z][a-z0-9._-]{0,63}}
     * @param object what it was done to, e.g. {@code patient/demo-1}; pattern {@code [A-Za-z0-9._:/|-]{1,256}}
     * @throws IllegalArgumentException naming the argument and its value when one breaks these rules
     * @throws java.io.UncheckedIOException when the database cannot be written; then nothing was appended
     * @since 1.1.0
     */
    void audit(String actor, String action, String object);

    /**
     * The audit rows with this action about this object, oldest first: e.g. who acknowledged a response's risk
     * alert, and when, read back after a restart.
     *
     * @param action as given to {@link #audit}
     * @param object as given to {@link #audit}
     * @throws IllegalArgumentException when {@code action} or {@code object} breaks the rules of {@link #audit}
     * @throws java.io.UncheckedIOException when the database cannot be read
     * @since 1.3.0
     */
    List<AuditEntry> audited(String action, String object);

    /**
     * Keeps the site's copy of a young person and their episodes of care current, so that the submission agent (a
     * separate process with no host) can pseudonymise and generalise what it sends. Inserts what is new and
     * updates what differs, in one durable transaction; a row whose values are unchanged is not written, so its
     * {@code updated_at} time means "last changed". Episodes not in the list are left as they are (a host may list
     * open episodes only); an episode that moved to this young person is moved.
     *
     * <p>Callers pass what the host knows whenever a clinician opens a young person or saves a response for them.
     * The rows hold identifiers and never leave the site as they are.
     *
     * @param patient the young person as the host knows them
     * @param episodes their episodes of care; may be empty
     * @throws IllegalArgumentException naming the episode when one belongs to another young person
     * @throws java.io.UncheckedIOException when the database cannot be written; then nothing was changed
     * @since 1.2.0
     */
    void recordCase(Patient patient, List<Episode> episodes);

    /** One response by its id. */
    Optional<StoredResponse> find(String responseId);

    /**
     * A young person's responses, oldest first.
     *
     * @param measureId only this measure; null for all
     */
    List<StoredResponse> responses(String patientId, @Nullable String measureId);

    /** The store's health: schema version and an integrity quick-check. Cheap enough for a health probe. */
    StoreStatus status();
}
