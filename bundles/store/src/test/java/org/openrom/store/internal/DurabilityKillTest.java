package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.store.CloseableResponseStore;
import org.openrom.store.SqliteStores;

/**
 * G1: every save that returned survives a SIGKILL at a random moment, exactly once, in a database that
 * passes integrity_check. The control acknowledges before saving and must lose acknowledged responses.
 * Rounds: {@code -Dstore.kill.rounds} (default 5); seeded, so a failure can be replayed.
 */
class DurabilityKillTest {

    private static final Pattern ACK = Pattern.compile("ack (\\S+) end");
    private static final long SEED = Long.getLong("store.kill.seed", 20261122L);
    private static final int ROUNDS = Integer.getInteger("store.kill.rounds", 5);

    @TempDir
    Path dir;

    record Round(int acknowledged, int lost) {}

    @Test
    void everyAcknowledgedSaveSurvivesASigkillExactlyOnce() throws Exception {
        List<Round> rounds = run(SavingChild.Mode.AFTER_SAVE);
        assertThat(rounds).allSatisfy(r -> assertThat(r.lost()).as("lost in a round").isZero());
        assertThat(rounds.stream().mapToInt(Round::acknowledged).sum()).as("acknowledged in all rounds").isGreaterThan(ROUNDS);
    }

    @Test
    void controlAcknowledgingBeforeSavingLosesResponses() throws Exception {
        List<Round> rounds = run(SavingChild.Mode.BEFORE_SAVE);
        assertThat(rounds.stream().mapToInt(Round::lost).sum()).as("acknowledged but lost, over all rounds").isPositive();
    }

    private List<Round> run(SavingChild.Mode mode) throws Exception {
        Path db = dir.resolve("openrom.db");
        Random random = new Random(SEED);
        List<Round> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> acknowledged = new ArrayList<>();
            try (ChildJvm child = ChildJvm.start(SavingChild.class, dir, "round-" + round, db.toString(),
                    mode.name(), "r" + round)) {
                child.awaitLine(SavingChild.ack("r" + round + "-0"), 60);
                Thread.sleep(50 + random.nextInt(500));
                for (String line : child.killAndCollect()) {
                    Matcher m = ACK.matcher(line);
                    if (m.matches()) {
                        acknowledged.add(m.group(1));
                    }
                }
            }
            rounds.add(new Round(acknowledged.size(), countLost(db, acknowledged)));
        }
        System.out.println(mode + " rounds (acknowledged, lost): " + rounds);
        return rounds;
    }

    private static int countLost(Path db, List<String> acknowledged) throws Exception {
        int lost = 0;
        try (CloseableResponseStore store = SqliteStores.open(db)) {
            assertThat(store.status().quickCheck()).isEqualTo("ok");
            for (String id : acknowledged) {
                if (store.find(id).isEmpty()) {
                    lost++;
                }
            }
        }
        try (RawDb raw = RawDb.open(db)) {
            assertThat(raw.single("PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(raw.count("SELECT count(*) FROM response r LEFT JOIN outbox o USING (response_id)"
                    + " WHERE o.seq IS NULL")).as("responses without their outbox row").isZero();
            assertThat(raw.count("SELECT count(*) FROM response")).as("one audit row per response")
                    .isEqualTo(raw.count("SELECT count(*) FROM audit"));
            assertThat(AuditLog.firstBrokenRow(raw.connection())).isEmpty();
            for (String id : acknowledged) {
                long copies = raw.count("SELECT count(*) FROM response WHERE response_id = '" + id + "'");
                long outbox = raw.count("SELECT count(*) FROM outbox WHERE response_id = '" + id + "'");
                if (copies != 0) {
                    assertThat(copies).as("copies of " + id).isEqualTo(1);
                    assertThat(outbox).as("outbox rows of " + id).isEqualTo(1);
                }
            }
        }
        return lost;
    }
}
