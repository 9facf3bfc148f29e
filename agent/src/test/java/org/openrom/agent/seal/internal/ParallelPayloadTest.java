package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.seal.SealFixture;
import org.openrom.agent.seal.SealProgress;
import org.openrom.agent.seal.SyntheticSite;
import org.openrom.agent.source.SiteDatabase;

/**
 * The payload is built in blocks on several threads: it must be the same payload, in the same order, as one thread
 * builds; the deflated blocks joined must be one gzip stream of it; and an identifier in a late block must be reported
 * at its line in the whole payload.
 */
class ParallelPayloadTest {

    @TempDir
    static Path dir;

    static SealFixture fixture;

    /** 60 young people with 12 responses each: about 2.8 MB of stored JSON, several blocks. */
    @BeforeAll
    static void site() throws Exception {
        fixture = new SealFixture(dir, 60, 12);
    }

    /** What a payload run handed to its sink. */
    static final class Captured {
        final ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        final List<Long> linesPerBlock = new ArrayList<>();
        @Nullable PayloadFile gzip;

        Payloads.Sink sink() {
            return (raw, length, deflated, deflatedLength) -> {
                ndjson.write(raw, 0, length);
                long lines = 0;
                for (int i = 0; i < length; i++) {
                    lines += raw[i] == '\n' ? 1 : 0;
                }
                linesPerBlock.add(lines);
                if (gzip != null && deflated != null) {
                    gzip.append(raw, length, deflated, deflatedLength);
                }
            };
        }
    }

    static Payloads.Result run(Captured into, int level, BatchSealing.WriterFactory writers, boolean scan, int workers)
            throws Exception {
        try (SiteDatabase db = SiteDatabase.open(fixture.db)) {
            return Payloads.write(db, fixture.selection(), fixture.pki.linkKey, Catalogues.get(), into.sink(), level,
                    writers, scan, SealProgress.NONE, workers);
        }
    }

    @Test
    void fourWorkersBuildTheSamePayloadAsOneAndItsBlocksJoinIntoOneGzipStream() throws Exception {
        Captured one = new Captured();
        Payloads.Result r1 = run(one, Payloads.NO_DEFLATE, ResourceWriter::new, true, 1);
        Captured four = new Captured();
        Path file = dir.resolve("payload.gz");
        try (PayloadFile gzip = new PayloadFile(file)) {
            four.gzip = gzip;
            Payloads.Result r4 = run(four, 1, ResourceWriter::new, true, 4);
            gzip.finish();
            assertThat(four.linesPerBlock).as("blocks").hasSizeGreaterThan(3);
            assertThat(four.ndjson.toByteArray()).isEqualTo(one.ndjson.toByteArray());
            assertThat(r4.counts()).isEqualTo(r1.counts());
            assertThat(r4.stats()).isEqualTo(r1.stats());
            assertThat(r4.counts().responses()).isEqualTo(720);
            assertThat(r4.counts().lines()).isEqualTo(four.linesPerBlock.stream().mapToLong(Long::longValue).sum());
            byte[] gz = Files.readAllBytes(file);
            assertThat(gz.length).isEqualTo(gzip.bytes());
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                assertThat(in.readAllBytes()).as("gunzipped (checks the gzip CRC-32 and length too)")
                        .isEqualTo(four.ndjson.toByteArray());
            }
            assertThat(gzip.ndjsonBytes()).isEqualTo(four.ndjson.size());
        }
    }

    @Test
    void anIdentifierInALateBlockIsReportedAtItsLineInTheWholePayload() throws Exception {
        Captured clean = new Captured();
        run(clean, Payloads.NO_DEFLATE, ResourceWriter::new, true, 2);
        String[] lines = clean.ndjson.toString(StandardCharsets.UTF_8).split("\n");
        int target = -1;
        for (int i = lines.length - 1; i >= 0 && target < 0; i--) {
            if (lines[i].startsWith("{\"resourceType\":\"Patient\"")) {
                target = i;
            }
        }
        long firstBlock = clean.linesPerBlock.get(0);
        assertThat(target).as("the last young person's Patient line is after the first block").isGreaterThan((int) firstBlock);
        String pseudonym = lines[target].replaceAll("^\\{\"resourceType\":\"Patient\",\"id\":\"([0-9a-f]+)\".*", "$1");
        String planted = SyntheticSite.nhsNumber(3);
        BatchSealing.WriterFactory leaky = out -> new ResourceWriter(out) {
            @Override
            public void patient(String p, boolean fromNhsNumber, String gender, @Nullable Integer age,
                    @Nullable String outward, @Nullable String ethnic) throws IOException {
                super.patient(p, fromNhsNumber, p.equals(pseudonym) ? planted : gender, age, outward, ethnic);
            }
        };
        IdentifierScan.Found found = catchThrowableOfType(IdentifierScan.Found.class,
                () -> run(new Captured(), 1, leaky, true, 4));
        assertThat(found).as("the scan stops the planted NHS number").isNotNull();
        assertThat(found.line()).as("line of the planted Patient resource, counted from the payload's start")
                .isEqualTo(target + 1L);
        // Control: without the scan the number is in that very line.
        Captured leaked = new Captured();
        run(leaked, Payloads.NO_DEFLATE, leaky, false, 4);
        assertThat(leaked.ndjson.toString(StandardCharsets.UTF_8).split("\n")[target]).contains(planted);
    }

    @Test
    void aFailureInABlockIsThrownToTheCaller() throws Exception {
        BatchSealing.WriterFactory failing = out -> new ResourceWriter(out) {
            @Override
            public void patient(String p, boolean fromNhsNumber, String gender, @Nullable Integer age,
                    @Nullable String outward, @Nullable String ethnic) throws IOException {
                throw new IOException("disk on fire");
            }
        };
        IOException e = catchThrowableOfType(IOException.class,
                () -> run(new Captured(), 1, failing, true, 4));
        assertThat(e).hasMessage("disk on fire");
    }
}
