package org.openrom.web.internal.clinician;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A risk banner for one response (template {@code clinician/risk.jte}): shown on the feedback page and on the young
 * person's page until a clinician acknowledges it, then showing who and when.
 *
 * @param responseId the response that raised it
 * @param measure the measure's title
 * @param date when the answers were given
 * @param items one sentence per alert, naming the item and its answer
 * @param acknowledgedBy who acknowledged it; null while not acknowledged
 * @param acknowledgedAt when (local date and time); null while not acknowledged
 * @param csrf the session's token for the acknowledge form
 * @param returnTo the page to come back to after acknowledging, under {@code /openrom}
 */
public record RiskBanner(String responseId, String measure, String date, List<String> items,
        @Nullable String acknowledgedBy, @Nullable String acknowledgedAt, String csrf, String returnTo) {}
