package org.openrom.web.internal.clinician;

import java.util.List;
import org.openrom.web.internal.page.Layout;

/** The clinician's caseload (template {@code clinician/caseload.jte}). */
public record CaseloadPage(Layout layout, List<Row> patients) {
    /** A young person: id, name, age, and the open episode's service and referral date (empty when none). */
    public record Row(String id, String name, int age, String service, String referral) {}
}
