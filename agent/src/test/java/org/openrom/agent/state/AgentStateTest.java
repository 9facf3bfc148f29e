package org.openrom.agent.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.schedule.QuarterScheme;
import org.openrom.agent.testing.MutableClock;

class AgentStateTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T01:00:00Z"));

    @Test
    void aBatchWalksSealedSendingAcknowledgedPurgedAndEveryStepSurvivesReopening() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        String id;
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, changes::incrementAndGet)) {
            BatchRecord intent = s.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q1"), dir);
            id = intent.batchId();
            assertThat(intent.sequence()).isEqualTo(1);
            assertThat(intent.state()).isEqualTo(BatchState.SEALING);
            assertThat(intent.file()).isEqualTo(dir.resolve(id + ".p7m"));
        }
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, changes::incrementAndGet)) {
            assertThat(s.inState(BatchState.SEALING)).extracting(BatchRecord::batchId).containsExactly(id);
            assertThat(s.cursor()).isZero();
            s.markSealed(id, 1234, "aa".repeat(32), 57);
        }
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, changes::incrementAndGet)) {
            assertThat(s.cursor()).isEqualTo(57);
            BatchRecord b = s.batch(id).orElseThrow();
            assertThat(b.state()).isEqualTo(BatchState.SEALED);
            assertThat(b.toSeq()).isEqualTo(57);
            s.recordFailedAttempt(id, "AG-3004 HTTP 503");
        }
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, changes::incrementAndGet)) {
            BatchRecord b = s.batch(id).orElseThrow();
            assertThat(b.state()).isEqualTo(BatchState.SENDING);
            assertThat(b.attempts()).isEqualTo(1);
            assertThat(b.lastError()).isEqualTo("AG-3004 HTTP 503");
            s.markAcknowledged(id, new byte[] {1, 2, 3}, "{\"schema\":\"openrom-receipt/1\"}");
        }
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, changes::incrementAndGet)) {
            BatchRecord b = s.batch(id).orElseThrow();
            assertThat(b.state()).isEqualTo(BatchState.ACKNOWLEDGED);
            assertThat(b.receipt()).containsExactly(1, 2, 3);
            assertThat(b.lastError()).isNull();
            assertThat(s.acknowledgedBefore(clock.instant())).isEmpty();
            clock.advance(Duration.ofDays(91));
            assertThat(s.acknowledgedBefore(clock.instant().minus(Duration.ofDays(90)))).hasSize(1);
            s.markPurged(id);
            assertThat(s.batch(id).orElseThrow().state()).isEqualTo(BatchState.PURGED);
            assertThat(s.runLog(10)).anyMatch(l -> l.contains(id + " purged"));
        }
        assertThat(changes.get()).isEqualTo(5);
    }

    @Test
    void nothingMovesABatchBackwardsOrSkipsSealing() throws Exception {
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, () -> {})) {
            BatchRecord b = s.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q1"), dir);
            assertThatThrownBy(() -> s.markAcknowledged(b.batchId(), new byte[1], "{}"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is SEALING");
            assertThatThrownBy(() -> s.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q2"), dir))
                    .hasMessageContaining("unfinished seal");
            s.markSealed(b.batchId(), 1, "bb".repeat(32), 3);
            assertThatThrownBy(() -> s.markSealed(b.batchId(), 1, "bb".repeat(32), 3)).hasMessageContaining("is SEALED");
            assertThatThrownBy(() -> s.markPurged(b.batchId())).hasMessageContaining("is SEALED");
            s.markAcknowledged(b.batchId(), new byte[1], "{}");
            assertThatThrownBy(() -> s.recordFailedAttempt(b.batchId(), "late")).hasMessageContaining("is ACKNOWLEDGED");
            assertThat(s.batch(b.batchId()).orElseThrow().state()).isEqualTo(BatchState.ACKNOWLEDGED);
        }
    }

    @Test
    void sequencesCountFromOneWithoutGapsAndAnEmptyQuarterFreesItsSequence() throws Exception {
        try (AgentState s = AgentState.open(dir.resolve("agent.db"), clock, () -> {})) {
            BatchRecord q1 = s.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q1"), dir);
            s.markSealed(q1.batchId(), 1, "cc".repeat(32), 10);
            BatchRecord q2 = s.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q2"), dir);
            assertThat(q2.sequence()).isEqualTo(2);
            assertThat(q2.fromSeq()).isEqualTo(10);
            s.markEmpty(q2.batchId());
            assertThat(s.wasEmpty(QuarterScheme.FINANCIAL.parse("2026-27-Q2"))).isTrue();
            assertThat(s.lastQuarter().id()).isEqualTo("2026-27-Q2");
            BatchRecord q3 = s.recordIntent(QuarterScheme.FINANCIAL.parse("2026-27-Q3"), dir);
            assertThat(q3.sequence()).isEqualTo(2);
            assertThat(q3.fromSeq()).isEqualTo(10);
            assertThat(s.lastQuarter().id()).isEqualTo("2026-27-Q3");
            assertThatThrownBy(() -> s.markSealed(q3.batchId(), 1, "dd".repeat(32), 9)).hasMessageContaining("before its start");
        }
    }
}
