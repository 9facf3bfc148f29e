package org.openrom.web.internal.youngperson;

import org.jspecify.annotations.Nullable;
import org.openrom.web.internal.page.Layout;

/**
 * The clinician's page for a young person's link and kiosk code (template {@code youngperson/links.jte}).
 *
 * @param layout the clinician's layout
 * @param patientId the young person's id
 * @param name the young person's name, as the clinician sees it
 * @param csrf the session's token for the forms
 * @param url the link just issued; null before one is issued (or after revoking)
 * @param linkMinutes how long the link is valid
 * @param linkExpires when it stops working, e.g. "14:35"
 * @param code the kiosk code just issued; null when none
 * @param codeMinutes how long the code is valid
 * @param codeExpires when it stops working
 * @param revoked true right after every link and code of the young person was ended
 */
public record LinksPage(Layout layout, String patientId, String name, String csrf, @Nullable String url,
        long linkMinutes, String linkExpires, @Nullable String code, long codeMinutes, String codeExpires,
        boolean revoked) {}
