package org.openrom.web.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The input limits of RELIABILITY.md, enforced before anything parses the body into objects: at most
 * {@link #MAX_BYTES} bytes (413), valid UTF-8, JSON nesting at most {@link #MAX_DEPTH} and no string or field name
 * longer than {@link #MAX_STRING} characters (400). The JSON check is one streaming pass that builds nothing.
 * Immutable and thread-safe.
 */
final class BodyLimits {
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 10_000;

    private final int maxBytes;
    private final int maxDepth;
    private final int maxString;
    private final JsonFactory factory;

    BodyLimits() {
        this(MAX_BYTES, MAX_DEPTH, MAX_STRING);
    }

    BodyLimits(int maxBytes, int maxDepth, int maxString) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxString = maxString;
        // Belt and braces: Jackson itself stops well before its defaults would let a hostile body cost much.
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth + 1)
                        .maxStringLength(Math.max(maxString * 4 + 16, 1000))
                        .build())
                .build();
    }

    /**
     * Reads the body, refusing it as soon as it is longer than the limit, whatever Content-Length says.
     *
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     * @throws ApiException 413 when the body is too large, 400 when it is not UTF-8
     */
    String read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, ErrorCode.NOT_UTF8, "the body is not valid UTF-8 (FHIR JSON is UTF-8)");
        }
    }

    private ApiException tooLarge(String what) {
        return new ApiException(413, ErrorCode.BODY_TOO_LARGE,
                "the body is too large: " + what + "; a response may be at most " + maxBytes + " bytes (1 MiB)");
    }

    /**
     * Checks nesting depth and string lengths in one streaming pass.
     *
     * @throws ApiException 400 naming the place and the limit
     */
    void checkJson(String json) {
        int depth = 0;
        try (JsonParser p = factory.createParser(json)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (++depth > maxDepth) {
                        throw new ApiException(400, ErrorCode.TOO_DEEP, "JSON nested deeper than " + maxDepth
                                + " levels at " + where(p));
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if ((t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) && tooLong(p)) {
                    throw new ApiException(400, ErrorCode.STRING_TOO_LONG, (t == JsonToken.FIELD_NAME ? "a field name" : "a string")
                            + " longer than " + maxString + " characters at " + where(p));
                }
            }
        } catch (JsonProcessingException e) {
            throw new ApiException(400, ErrorCode.NOT_JSON, "not JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a String", e);
        }
    }

    private boolean tooLong(JsonParser p) throws IOException {
        int chars = p.getTextLength();
        if (chars <= maxString) {
            return false;
        }
        String text = p.getText();
        return text.codePointCount(0, text.length()) > maxString;
    }

    private static String where(JsonParser p) {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        return (pointer.isEmpty() ? "the top level" : pointer) + " (line " + p.currentLocation().getLineNr() + ")";
    }
}
