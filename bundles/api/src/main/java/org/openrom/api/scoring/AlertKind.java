package org.openrom.api.scoring;

/**
 * What an alert asks the clinician to do.
 *
 * @since 1.0.0
 */
public enum AlertKind {
    /** A risk item was answered above its threshold (e.g. PHQ-9 item 9 above 0): review risk today. */
    RISK,
    /** A risk item was left unanswered: ask about it. */
    RISK_UNANSWERED,
    /** A value prompts a conversation (e.g. SRS total below 36: discuss the alliance). */
    DISCUSSION
}
