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
    /**
     * How much of a refused body is still read and discarded so that the client, which is usually still sending,
     * gets to read the 413: a server that closes a socket with unread bytes makes TCP reset it, and the client then
     * sees a broken pipe instead of the answer. Anything larger is refused without reading (the connection closes).
     */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

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
     * <p>A client that sent {@code Expect: 100-continue} gets the 413 before it sends the body (the body is not even
     * opened: opening the servlet's input stream makes the server send "100 Continue"); any other client is still writing, so up to {@link #DRAIN_LIMIT} bytes are read
     * and discarded first, letting it read the answer instead of meeting a reset connection.
     *
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     * @param expectsContinue whether the request carries {@code Expect: 100-continue}
     * @throws ApiException 413 when the body is too large, 400 when it is not UTF-8
     */
    String read(Body body, long declaredLength, boolean expectsContinue) throws IOException {
        if (declaredLength > maxBytes) {
            if (!expectsContinue && declaredLength <= DRAIN_LIMIT) {
                discard(body.open(), DRAIN_LIMIT);
            }
            throw tooLarge(declaredLength + " bytes");
        }
        InputStream in = body.open();
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                discard(in, DRAIN_LIMIT - total);
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

    /** Opens the request body; opening it is what tells a client waiting on "100 Continue" to send it. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }

    /** Reads and drops at most {@code budget} bytes; stops early at the end of the body. */
    private static void discard(InputStream in, long budget) throws IOException {
        byte[] sink = new byte[16 * 1024];
        for (long left = budget; left > 0; ) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
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
