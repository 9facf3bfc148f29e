package org.openrom.agent.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.openrom.agent.keys.PasswordFile;
import org.openrom.agent.keys.SiteKeystore;
import org.openrom.agent.schedule.Quarter;
import org.openrom.agent.seal.Preview;
import org.openrom.agent.seal.PreviewReport;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.state.AgentState;

/**
 * {@code preview [QUARTER] [--ndjson FILE|-]}: what the next batch would carry, before gzip and encryption. Needs
 * only K_link (pseudonyms as they would be sent), not the issued certificate. Records nothing.
 */
final class PreviewCommand {
    /** An open episode with no response for this long is an idle case. */
    static final int IDLE_DAYS = 90;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    PreviewCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(AgentConfig config, Options o) throws IOException, SQLException, java.security.GeneralSecurityException {
        String ndjson = o.value("--ndjson", null);
        String q = o.positional();
        o.done();
        long cursor;
        Quarter quarter;
        try (AgentState state = AgentState.open(ensureDir(config).stateDatabase(), clock, () -> {})) {
            cursor = state.cursor();
            Quarter last = state.lastQuarter();
            quarter = q != null ? config.schedule().scheme().parse(q)
                    : last != null ? last.next() : config.schedule().latestDue(clock.instant());
        }
        var link = SiteKeystore.open(config.keystore(), PasswordFile.read(config.passwordFile())).linkKey();
        if (link == null) {
            throw new IllegalArgumentException("no linkage key in " + config.keystore() + "; run 'openrom agent enrol' first");
        }
        LocalDate today = clock.instant().atZone(config.schedule().zone()).toLocalDate();
        LocalDate asOf = quarter.end().isBefore(today) ? quarter.end() : today;
        err.println("previewing " + quarter.id() + " (outbox rows after " + cursor + ")");
        Selection selection = new Selection(config.siteDatabase(), cursor,
                new org.openrom.agent.seal.Quarter(quarter.id(), quarter.start(), quarter.end()), config.schedule().zone());
        PreviewReport report;
        try (OutputStream sink = ndjson == null ? OutputStream.nullOutputStream()
                : ndjson.equals("-") ? nonClosing(out) : Files.newOutputStream(Path.of(ndjson))) {
            report = Preview.run(selection, link, IDLE_DAYS, asOf, sink);
        } catch (SealException e) {
            err.println("openrom: " + e.getMessage());
            return AgentCommand.UNDONE;
        }
        (ndjson != null && ndjson.equals("-") ? err : out).print(render(quarter, report));
        return AgentCommand.OK;
    }

    static String render(Quarter q, PreviewReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Quarter ").append(q.id()).append(" (").append(q.start()).append(" to ").append(q.end()).append(")\n");
        b.append("Responses: ").append(r.rows()).append(" (outbox up to ").append(r.lastSeq()).append(")\n");
        var c = r.counts();
        b.append(String.format("Resources: %d Patient, %d EpisodeOfCare, %d Encounter, %d QuestionnaireResponse, %d Observation"
                + " (%d lines)%n", c.patients(), c.episodes(), c.encounters(), c.responses(), c.observations(), c.lines()));
        b.append(String.format("Data quality: %d episodes, %d with a paired measure (%.0f%%), %d paired measures, %d idle cases,"
                + " %d patients without a record%n", r.episodes(), r.episodesWithPairedMeasure(), 100 * r.completeness(),
                r.pairedMeasures(), r.idleCases(), r.patientsWithoutRecord()));
        b.append("k-anonymity: smallest group k=").append(r.smallestGroup()).append(", ").append(r.patientsInSmallGroups())
                .append(" patient(s) in groups smaller than ").append(PreviewReport.K).append('\n');
        Map<Long, Long> sizes = new TreeMap<>(r.groupSizes());
        b.append("Group sizes (size: groups): ").append(sizes).append('\n');
        return b.toString();
    }

    private static AgentConfig ensureDir(AgentConfig config) throws IOException {
        Session.createPrivateDirectory(config.dataDir());
        return config;
    }

    private static OutputStream nonClosing(PrintStream target) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                target.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                target.write(b, off, len);
            }

            @Override
            public void flush() {
                target.flush();
            }

            @Override
            public void close() {
                target.flush();
            }
        };
    }
}
