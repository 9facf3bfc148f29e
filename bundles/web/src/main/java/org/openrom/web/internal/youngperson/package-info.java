/**
 * Young-person access: a clinician issues a short-lived link ({@code /openrom/yp/{token}}) and a single-use kiosk
 * code for one young person ({@link org.openrom.web.internal.youngperson.AccessTokens}, in memory only); the young
 * person's page shows only their own progress in plain language
 * ({@link org.openrom.web.internal.youngperson.YoungPersonProgress}). Anything not found, expired, forged, guessed
 * or rate-limited gets the same plain "Not found" page.
 */
@NullMarked
package org.openrom.web.internal.youngperson;

import org.jspecify.annotations.NullMarked;
