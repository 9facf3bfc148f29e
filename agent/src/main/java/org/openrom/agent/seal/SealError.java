package org.openrom.agent.seal;

/** Stable codes for why a batch could not be sealed (shown to site admins and kept in the agent's state). */
public enum SealError {
    /** AG-2001: the site database cannot be opened or read, or is not an OpenROM database. */
    SITE_DATABASE("AG-2001"),
    /** AG-2002: a stored row is not what the agent can send (unknown measure, JSON that does not parse). */
    BAD_ROW("AG-2002"),
    /** AG-2003: the identifier scan found something the site holds about a person in the payload. */
    IDENTIFIER_FOUND("AG-2003"),
    /** AG-2004: signing or encryption failed (key, certificate or algorithm problem). */
    CRYPTO("AG-2004"),
    /** AG-2005: the output folder cannot be written. */
    OUTPUT("AG-2005"),
    /** AG-2006: nothing to send: no rows in the selection. */
    EMPTY("AG-2006");

    private final String code;

    SealError(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code AG-2003}. */
    public String code() {
        return code;
    }
}
