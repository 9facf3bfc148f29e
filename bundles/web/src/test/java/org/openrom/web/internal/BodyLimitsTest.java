package org.openrom.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {
    private final BodyLimits limits = new BodyLimits();
    /** Control: the same checks with every limit switched off must accept what the real limits refuse. */
    private final BodyLimits off = new BodyLimits(Integer.MAX_VALUE, 10_000, Integer.MAX_VALUE / 8);

    private static String padded(int bytes) {
        String head = "{\"s\":\"";
        String tail = "\"}";
        return head + "a".repeat(bytes - head.length() - tail.length()) + tail;
    }

    private static BodyLimits.Body chunked(byte[] bytes) {
        InputStream in = new ByteArrayInputStream(bytes);
        return () -> in;
    }

    @Test
    void acceptsExactlyOneMebibyteAndRefusesOneByteMoreWithOrWithoutContentLength() throws Exception {
        byte[] max = new byte[BodyLimits.MAX_BYTES];
        byte[] over = new byte[BodyLimits.MAX_BYTES + 1];
        java.util.Arrays.fill(max, (byte) ' ');
        java.util.Arrays.fill(over, (byte) ' ');
        assertThat(limits.read(chunked(max), max.length, false)).hasSize(BodyLimits.MAX_BYTES);
        ApiException declared = catchThrowableOfType(ApiException.class, () -> limits.read(chunked(over), over.length, false));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.issues().get(0).code()).isEqualTo("API-1001");
        ApiException streamed = catchThrowableOfType(ApiException.class, () -> limits.read(chunked(over), -1, false));
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.getMessage()).contains("more than 1048576 bytes");
        // A lying Content-Length does not help: the count is of the bytes actually read.
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.read(chunked(over), 10, false)).status()).isEqualTo(413);
        assertThat(off.read(chunked(over), over.length, false)).hasSize(over.length);
    }

    @Test
    void aRefusedBodyIsReadToItsEndSoTheClientCanReadThe413UnlessItIsHugeOrTheClientWaitsFor100Continue() {
        byte[] over = new byte[BodyLimits.MAX_BYTES + 1];
        ByteArrayInputStream declared = new ByteArrayInputStream(over);
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.read(() -> declared, over.length, false)).status()).isEqualTo(413);
        assertThat(declared.available()).as("drained").isZero();
        ByteArrayInputStream streamed = new ByteArrayInputStream(over);
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.read(() -> streamed, -1, false)).status()).isEqualTo(413);
        assertThat(streamed.available()).as("drained").isZero();
        // A client that waits for "100 Continue" has sent nothing yet: reading would invite the body.
        BodyLimits.Body unopenable = () -> {
            throw new AssertionError("the body of a client waiting for 100 Continue was opened");
        };
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.read(unopenable, over.length, true)).status()).isEqualTo(413);
        // Beyond the drain limit nothing more is read: the connection is closed instead.
        byte[] huge = new byte[(int) BodyLimits.DRAIN_LIMIT + 4096];
        ByteArrayInputStream declaredHuge = new ByteArrayInputStream(huge);
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.read(() -> declaredHuge, huge.length, false)).status()).isEqualTo(413);
        assertThat(declaredHuge.available()).isEqualTo(huge.length);
        ByteArrayInputStream streamedHuge = new ByteArrayInputStream(huge);
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.read(() -> streamedHuge, -1, false)).status()).isEqualTo(413);
        assertThat(streamedHuge.available()).isEqualTo(4096);
    }

    @Test
    void refusesJsonDeeperThan32LevelsNamingThePlace() {
        String ok = "[".repeat(32) + "]".repeat(32);
        String deep = "[".repeat(33) + "]".repeat(33);
        assertThatCode(() -> limits.checkJson(ok)).doesNotThrowAnyException();
        ApiException e = catchThrowableOfType(ApiException.class, () -> limits.checkJson(deep));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.issues().get(0).code()).isEqualTo("API-1002");
        assertThat(e.getMessage()).contains("deeper than 32");
        assertThatCode(() -> off.checkJson(deep)).doesNotThrowAnyException();
    }

    @Test
    void refusesAStringOrFieldNameLongerThan10000Characters() {
        String ok = "{\"text\":\"" + "x".repeat(10_000) + "\"}";
        String longValue = "{\"item\":[{\"text\":\"" + "x".repeat(10_001) + "\"}]}";
        String longName = "{\"" + "k".repeat(10_001) + "\":1}";
        assertThatCode(() -> limits.checkJson(ok)).doesNotThrowAnyException();
        ApiException value = catchThrowableOfType(ApiException.class, () -> limits.checkJson(longValue));
        assertThat(value.status()).isEqualTo(400);
        assertThat(value.issues().get(0).code()).isEqualTo("API-1003");
        assertThat(value.getMessage()).contains("/item/0/text").contains("10000");
        assertThat(catchThrowableOfType(ApiException.class, () -> limits.checkJson(longName)).getMessage())
                .contains("field name");
        assertThatCode(() -> off.checkJson(longValue)).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotUtf16UnitsOrBytes() {
        String emoji = new String(Character.toChars(0x1F600));
        String tenThousand = "{\"s\":\"" + emoji.repeat(10_000) + "\"}";
        assertThatCode(() -> limits.checkJson(tenThousand)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ApiException.class,
                () -> limits.checkJson("{\"s\":\"" + emoji.repeat(10_001) + "\"}")).status()).isEqualTo(400);
    }

    @Test
    void refusesBytesThatAreNotUtf8AndTextThatIsNotJson() throws Exception {
        byte[] latin1 = "{\"s\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ApiException e = catchThrowableOfType(ApiException.class, () -> limits.read(chunked(latin1), latin1.length, false));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.issues().get(0).code()).isEqualTo("API-1004");
        assertThat(limits.read(chunked(padded(100).getBytes(StandardCharsets.UTF_8)), 100, false)).hasSize(100);
        ApiException notJson = catchThrowableOfType(ApiException.class, () -> limits.checkJson("{\"a\":"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.getMessage()).startsWith("not JSON");
    }
}
