package org.openrom.store.internal;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * What an audit row may hold. Rows name who did what to which thing; the character rules keep free text
 * (answers, names, notes) out of {@code action} and {@code object} by construction.
 */
final class AuditRules {
    static final int MAX_ACTOR = 256;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9._:/|-]{1,256}");

    private AuditRules() {}

    static void requireActor(String actor) {
        requireNonNull(actor, "actor");
        if (actor.isBlank() || actor.length() > MAX_ACTOR || actor.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("audit actor must be 1 to " + MAX_ACTOR
                    + " characters without control characters: '" + actor + "'");
        }
    }

    static void requireAction(String action) {
        requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must match " + ACTION + ": '" + action + "'");
        }
    }

    static void requireObject(String object) {
        requireNonNull(object, "object");
        if (!OBJECT.matcher(object).matches()) {
            throw new IllegalArgumentException("audit object must match " + OBJECT + " (it names a thing, never"
                    + " answers or names): '" + object + "'");
        }
    }
}
