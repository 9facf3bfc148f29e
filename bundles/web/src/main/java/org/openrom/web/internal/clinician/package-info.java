/**
 * The clinician's pages: caseload, a young person, the measures due this session
 * ({@link org.openrom.web.internal.clinician.MeasureSchedule}), the questionnaire form, the feedback shown in the
 * same request as the save, the risk acknowledgement and hand-over mode
 * ({@link org.openrom.web.internal.clinician.ClinicianServlet}).
 */
@NullMarked
package org.openrom.web.internal.clinician;

import org.jspecify.annotations.NullMarked;
