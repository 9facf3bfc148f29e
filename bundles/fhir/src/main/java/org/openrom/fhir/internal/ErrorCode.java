package org.openrom.fhir.internal;

/**
 * Stable codes on every problem a caller sees. Never renumber: support and audit rely on them. 10xx: the
 * response cannot be read or matched to a Questionnaire (parse); 12xx: the answers do not conform (check).
 */
public enum ErrorCode {
    NOT_JSON("QR-1001"),
    WRONG_RESOURCE_TYPE("QR-1002"),
    NO_QUESTIONNAIRE("QR-1003"),
    UNKNOWN_QUESTIONNAIRE("QR-1004"),
    ITEM_MISPLACED("QR-1005"),
    ITEM_TEXT_DIFFERS("QR-1006"),
    ITEM_REPEATED("QR-1007"),
    UNSUPPORTED_ANSWER_TYPE("QR-1008"),
    NO_STATUS("QR-1009"),
    INVALID_CONTENT("QR-1010"),
    ITEM_WITHOUT_LINK_ID("QR-1011"),
    ITEM_WRONGLY_NESTED("QR-1012"),
    ANSWER_WITHOUT_VALUE("QR-1013"),
    AUTHORED_WITHOUT_TIME("QR-1014"),
    EMPTY_OR_NULL("QR-1015"),

    UNKNOWN_ITEM("QR-1201"),
    WRONG_ANSWER_TYPE("QR-1202"),
    NOT_AN_OPTION("QR-1203"),
    BELOW_MINIMUM("QR-1204"),
    ABOVE_MAXIMUM("QR-1205"),
    TOO_LONG("QR-1206"),
    REQUIRED_MISSING("QR-1207"),
    NOT_ENABLED("QR-1208"),
    ANSWERED_TWICE("QR-1209"),
    NO_ANSWER_ALLOWED("QR-1210"),
    OUT_OF_ORDER("QR-1211"),
    MEASURE_MISMATCH("QR-1212");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The code as callers see it, e.g. {@code QR-1203}. */
    public String code() {
        return code;
    }
}
