package org.openrom.central.intake.internal;

/**
 * Stable codes on every refusal the intake answers with ({@code {"code":"CI-…","message":"…"}}). Never renumber.
 * 10xx the request itself; 11xx who is sending; 12xx the CMS envelope; 13xx the batch inside it; 14xx its
 * resources; 15xx state and storage.
 */
public enum ErrorCode {
    UNSUPPORTED_MEDIA_TYPE("CI-1001", 415),
    BODY_TOO_LARGE("CI-1002", 413),
    DIGEST_MISSING("CI-1003", 400),
    DIGEST_MISMATCH("CI-1004", 400),
    BAD_PATH("CI-1005", 404),
    METHOD_NOT_ALLOWED("CI-1006", 405),
    TRUNCATED_BODY("CI-1007", 400),

    NO_CLIENT_CERTIFICATE("CI-1101", 403),
    CERTIFICATE_NOT_FROM_CA("CI-1102", 403),
    CERTIFICATE_NOT_VALID_NOW("CI-1103", 403),
    UNKNOWN_SITE("CI-1104", 403),
    SITE_REVOKED("CI-1105", 403),
    CLIENT_NOT_PATH_SITE("CI-1106", 403),
    SIGNER_NOT_CLIENT("CI-1107", 403),
    MANIFEST_SITE_NOT_CLIENT("CI-1108", 403),

    NOT_CMS("CI-1201", 400),
    NOT_AUTH_ENVELOPED("CI-1202", 400),
    NOT_FOR_THIS_COLLATOR("CI-1203", 400),
    DECRYPTION_FAILED("CI-1204", 400),
    NOT_SIGNED_DATA("CI-1205", 400),
    BAD_SIGNATURE("CI-1206", 400),
    UNEXPECTED_ALGORITHM("CI-1207", 400),

    BAD_ZIP("CI-1301", 400),
    BAD_MANIFEST("CI-1302", 400),
    UNKNOWN_SCHEMA("CI-1303", 400),
    WRONG_RECIPIENT("CI-1304", 400),
    BATCH_ID_MISMATCH("CI-1305", 400),
    PAYLOAD_HASH_MISMATCH("CI-1306", 400),
    PAYLOAD_SIZE_MISMATCH("CI-1307", 400),
    COUNTS_MISMATCH("CI-1308", 400),
    BAD_PAYLOAD("CI-1309", 400),

    RESOURCE_NOT_JSON("CI-1401", 400),
    RESOURCE_TYPE_NOT_ALLOWED("CI-1402", 400),
    FIELD_NOT_ALLOWED("CI-1403", 400),
    FIELD_MISSING("CI-1404", 400),
    BAD_ID("CI-1405", 400),

    BATCH_ID_CONFLICT("CI-1501", 409),
    STORE_FAILED("CI-1502", 503),
    INTERNAL("CI-1503", 500);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The stable code, e.g. {@code CI-1204}. */
    public String code() {
        return code;
    }

    /** The HTTP status this refusal is answered with. */
    public int status() {
        return status;
    }
}
