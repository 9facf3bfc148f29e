package org.openrom.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrom.agent.schedule.QuarterScheme;

class AgentConfigTest {
    @TempDir Path dir;

    @Test
    void theShippedExampleReadsWithTheDocumentedDefaults() throws Exception {
        Path example = Path.of("../dist/src/main/dist/conf/agent.example.properties");
        Path copy = Files.copy(example, dir.resolve("agent.properties"));

        AgentConfig c = AgentConfig.load(copy);

        assertThat(c.siteId()).isEqualTo("RXX01");
        assertThat(c.schedule().scheme()).isEqualTo(QuarterScheme.FINANCIAL);
        assertThat(c.schedule().zone().getId()).isEqualTo("Europe/London");
        assertThat(c.schedule().time()).isEqualTo(LocalTime.of(2, 0));
        assertThat(c.schedule().graceDays()).isZero();
        assertThat(c.retry().initial()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.retry().maxDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(c.retry().maxAttempts()).isEqualTo(10);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        // The collator answers a PUT only once the batch is stored: minutes for a large quarter (agent README).
        assertThat(c.readTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.retentionDays()).isEqualTo(90);
        assertThat(c.certificateWarnDays()).isEqualTo(30);
        assertThat(c.collatorPins()).isEmpty();
        assertThat(c.keystore()).isEqualTo(dir.getParent().resolve("agent-data/site.p12"));
        assertThat(c.passwordFile()).isEqualTo(dir.resolve("agent.pass"));
    }

    @Test
    void badValuesNameTheKeyAndTheValue() throws Exception {
        String base = "site.id=RXX01\nsite.database=s.db\nagent.data=d\nagent.keystore.password.file=p\ncollator.url=https://c.example/\n";
        assertThatThrownBy(() -> load(base.replace("RXX01", "rxx-1"))).hasMessageContaining("site.id='rxx-1'");
        assertThatThrownBy(() -> load(base.replace("https://c.example/", "http://c.example/")))
                .hasMessageContaining("collator.url='http://c.example/': expected https://host[:port]");
        assertThatThrownBy(() -> load(base + "schedule.quarters=monthly\n")).hasMessageContaining("schedule.quarters='monthly'");
        assertThatThrownBy(() -> load(base + "retention.days=0\n")).hasMessageContaining("retention.days='0': expected 1..3650");
        assertThatThrownBy(() -> load(base + "retry.initial=30s\n")).hasMessageContaining("retry.initial='30s'");
        assertThatThrownBy(() -> load(base + "collator.pins=md5/abc\n")).hasMessageContaining("collator.pins='md5/abc'");
        assertThatThrownBy(() -> load(base + "colator.url=x\n")).hasMessageContaining("unknown key 'colator.url'");
        assertThatThrownBy(() -> load(base.replace("site.database=s.db\n", ""))).hasMessageContaining("site.database is required");
        assertThat(load(base + "schedule.quarters=calendar\n").schedule().scheme()).isEqualTo(QuarterScheme.CALENDAR);
    }

    private AgentConfig load(String text) throws Exception {
        return AgentConfig.load(Files.writeString(dir.resolve("agent.properties"), text));
    }
}
