package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The envelope hands its cipher small writes (so the JDK compiles GCM early), and every byte in order. */
class CipherPiecesTest {

    @Test
    void aLargeWriteReachesTheCipherInPiecesOfAtMostOneKibWithEveryByteInOrder() throws Exception {
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream seen = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        byte[] data = new byte[5000];
        new Random(1).nextBytes(data);
        try (Envelope.CipherPieces pieces = new Envelope.CipherPieces(seen)) {
            pieces.write(data, 7, 4993);
            pieces.write(data, 0, 7);
        }
        assertThat(writes).containsExactly(1024, 1024, 1024, 1024, 897, 7);
        byte[] expected = new byte[5000];
        System.arraycopy(data, 7, expected, 0, 4993);
        System.arraycopy(data, 0, expected, 4993, 7);
        assertThat(seen.toByteArray()).isEqualTo(expected);
    }
}
