package org.openrom.central.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Streams a request body to a temporary file, never into memory, counting bytes against the limit and
 * computing its SHA-256 on the way; checks the {@code Content-Digest} header (RFC 9530) against it.
 */
final class BodySpool {
    private static final Pattern SHA256_MEMBER =
            Pattern.compile("(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/=]+):\\s*(?:;[^,]*)?(?=,|$)");

    /** A spooled body: its file (the caller deletes it), size and SHA-256. */
    record Spooled(Path file, long bytes, byte[] sha256) {
        String sha256Hex() {
            return Hex.of(sha256);
        }
    }

    private BodySpool() {}

    /**
     * @param declaredLength the Content-Length, or -1 when unknown
     * @throws IntakeException 413 over the limit (declared or streamed), 400 when fewer bytes came than declared
     */
    static Spooled spool(InputStream in, long declaredLength, long limit, Path dir) throws IntakeException, IOException {
        if (declaredLength > limit) {
            throw new IntakeException(ErrorCode.BODY_TOO_LARGE,
                    "body of " + declaredLength + " bytes is over the limit of " + limit + " bytes");
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "body-", ".p7m");
        MessageDigest sha = Hex.sha256();
        long total = 0;
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new IntakeException(ErrorCode.BODY_TOO_LARGE, "body is over the limit of " + limit + " bytes");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
            if (declaredLength >= 0 && total != declaredLength) {
                throw new IntakeException(ErrorCode.TRUNCATED_BODY,
                        "body ended after " + total + " of the " + declaredLength + " bytes declared in Content-Length");
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        return new Spooled(file, total, sha.digest());
    }

    /** Checks the {@code sha-256} member of a Content-Digest header against the body's digest. */
    static void checkDigest(@Nullable String header, byte[] sha256) throws IntakeException {
        if (header == null || header.isBlank()) {
            throw new IntakeException(ErrorCode.DIGEST_MISSING,
                    "no Content-Digest header; send Content-Digest: sha-256=:<base64 SHA-256 of the body>:");
        }
        Matcher m = SHA256_MEMBER.matcher(header.toLowerCase(Locale.ROOT).equals(header) ? header : lowerKeys(header));
        if (!m.find()) {
            throw new IntakeException(ErrorCode.DIGEST_MISSING,
                    "Content-Digest has no sha-256 member: '" + abbreviate(header) + "'");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IntakeException(ErrorCode.DIGEST_MISMATCH, "Content-Digest sha-256 is not base64: '" + abbreviate(header) + "'");
        }
        if (!MessageDigest.isEqual(claimed, sha256)) {
            throw new IntakeException(ErrorCode.DIGEST_MISMATCH, "Content-Digest sha-256 " + m.group(1)
                    + " does not match the body received (" + Base64.getEncoder().encodeToString(sha256) + ")");
        }
    }

    /** Dictionary keys are case-insensitive in practice; base64 values are not. */
    private static String lowerKeys(String header) {
        return header.replaceAll("(?i)sha-256\\s*=", "sha-256=");
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
