package org.openrom.web.internal.page;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openrom.api.host.Clinician;

/**
 * One signed-in browser: a clinician's session, or a hand-over session in which a young person fills in one
 * questionnaire on the clinician's tablet. Held only in memory by {@link WebSessions}; the id is the cookie value
 * and is never logged. Thread-safe.
 */
public final class WebSession {
    /** Who is at the screen. */
    public enum Kind {
        /** A clinician, signed in with their password. */
        CLINICIAN,
        /** A young person, handed the tablet for one questionnaire. */
        HANDOVER
    }

    /** For a hand-over session: the one questionnaire it may see. */
    public record Handover(String patientId, String episodeId, String measureId) {}

    private final String id;
    private final Kind kind;
    private final Clinician clinician;
    private final String csrf;
    private final @Nullable Handover handover;
    private final Map<String, String> stamps = new ConcurrentHashMap<>();
    private volatile Instant lastSeen;
    private volatile @Nullable String submittedResponseId;

    WebSession(String id, Kind kind, Clinician clinician, String csrf, @Nullable Handover handover, Instant now) {
        if ((kind == Kind.HANDOVER) != (handover != null)) {
            throw new IllegalArgumentException("a " + kind + " session " + (handover == null ? "needs" : "has no")
                    + " hand-over binding");
        }
        this.id = id;
        this.kind = kind;
        this.clinician = clinician;
        this.csrf = csrf;
        this.handover = handover;
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isHandover() {
        return kind == Kind.HANDOVER;
    }

    /** The clinician who signed in, or who handed the tablet over (saves in a hand-over are made in their name). */
    public Clinician clinician() {
        return clinician;
    }

    /** This session's CSRF token, for the hidden {@code csrf} field of every form. */
    public String csrf() {
        return csrf;
    }

    /** @throws IllegalStateException for a clinician session */
    public Handover handover() {
        if (handover == null) {
            throw new IllegalStateException("a clinician session has no hand-over binding");
        }
        return handover;
    }

    /** The response the young person saved in this hand-over session; null before they submit. */
    public @Nullable String submittedResponseId() {
        return submittedResponseId;
    }

    /** Marks the hand-over's questionnaire as saved: from now on only the thank-you page is open. */
    public void submitted(String responseId) {
        this.submittedResponseId = responseId;
    }

    /**
     * A value fixed the first time it is asked for under {@code key} in this session (e.g. when a response's answers
     * were given, so that the same form posted twice, even at once, is the same resource). At most 1,000 are kept.
     */
    public String stamp(String key, Supplier<String> first) {
        if (stamps.size() >= 1000 && !stamps.containsKey(key)) {
            stamps.clear();
        }
        return stamps.computeIfAbsent(key, k -> first.get());
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }
}
