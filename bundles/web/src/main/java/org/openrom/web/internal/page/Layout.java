package org.openrom.web.internal.page;

import org.jspecify.annotations.Nullable;

/**
 * What the layout template ({@code layout.jte}) needs around every page.
 *
 * @param title the page title (also the browser tab), e.g. {@code Caseload}
 * @param signedInAs the clinician's display name when a clinician is signed in; null otherwise
 * @param csrf the session's CSRF token for the sign-out form; null when nobody is signed in
 * @param handover true in a hand-over session: no navigation, no sign-out, nothing of the clinician's
 */
public record Layout(String title, @Nullable String signedInAs, @Nullable String csrf, boolean handover) {

    /** A page for someone not signed in (sign-in, not found, the young person's own pages). */
    public static Layout anonymous(String title) {
        return new Layout(title, null, null, false);
    }

    /** A page in a session: a clinician's, with navigation and sign-out, or a hand-over's, with neither. */
    public static Layout of(String title, WebSession session) {
        return session.isHandover()
                ? new Layout(title, null, null, true)
                : new Layout(title, session.clinician().displayName(), session.csrf(), false);
    }
}
