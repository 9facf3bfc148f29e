package org.openrom.web.internal;

/**
 * Stable codes on every error the JSON API answers with (in the OperationOutcome's {@code details.coding}).
 * Never renumber. 10xx: the request itself; 11xx: who is asking; 12xx: what the response names; 13xx: scoring
 * and storage. Problems with the answers keep the fhir bundle's {@code QR-…} codes.
 */
enum ErrorCode {
    BODY_TOO_LARGE("API-1001"),
    TOO_DEEP("API-1002"),
    STRING_TOO_LONG("API-1003"),
    NOT_UTF8("API-1004"),
    UNSUPPORTED_MEDIA_TYPE("API-1005"),
    METHOD_NOT_ALLOWED("API-1006"),
    NOT_FOUND("API-1007"),
    BAD_PARAMETER("API-1008"),
    NOT_JSON("API-1009"),

    NOT_SIGNED_IN("API-1101"),
    NOT_A_CLINICIAN("API-1102"),
    NOT_ON_CASELOAD("API-1103"),
    BUSY("API-1104"),

    NO_ID("API-1201"),
    NO_SUBJECT("API-1202"),
    NO_AUTHORED("API-1203"),
    NOT_COMPLETED("API-1204"),
    ID_CONFLICT("API-1205"),

    CANNOT_SCORE("API-1301"),
    STORE_FAILED("API-1302"),
    INTERNAL("API-1303");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
