package org.openrom.central.intake.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The one content type a batch PUT accepts: {@code application/pkcs7-mime}, smime-type authEnveloped-data if given. */
final class MediaTypes {
    static final String BATCH = "application/pkcs7-mime; smime-type=authEnveloped-data";

    private MediaTypes() {}

    static void requireBatch(@Nullable String contentType) throws IntakeException {
        if (contentType != null) {
            String[] parts = contentType.split(";");
            boolean ok = parts[0].strip().toLowerCase(Locale.ROOT).equals("application/pkcs7-mime");
            for (int i = 1; i < parts.length && ok; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv[0].strip().equalsIgnoreCase("smime-type")) {
                    ok = kv.length == 2 && kv[1].strip().replace("\"", "").equalsIgnoreCase("authEnveloped-data");
                }
            }
            if (ok) {
                return;
            }
        }
        throw new IntakeException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type is '" + contentType + "'; a batch is sent as " + BATCH);
    }
}
