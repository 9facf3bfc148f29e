package org.openrom.agent.seal.internal;

import java.io.OutputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.openrom.agent.seal.PreviewReport;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealProgress;
import org.openrom.agent.seal.Selection;
import org.openrom.agent.source.SiteDatabase;

/**
 * One preview: the payload exactly as sealing would build it (identifier scan included), then data quality and
 * k-anonymity from the same database snapshot. Quality and k are computed in SQL plus one map of
 * quasi-identifier groups (its size is the number of distinct groups, not of records).
 */
public final class PreviewRun {

    /** Patients in the selection: those with rows. ?1 = afterSeq, ?2 = end of quarter. */
    private static final String SELECTED = "SELECT r.patient_id FROM response r JOIN outbox o"
            + " ON o.response_id = r.response_id WHERE o.seq > ?1 AND o.created_at < ?2";
    private static final String EPISODES = "SELECT episode_id FROM episode WHERE patient_id IN (" + SELECTED + ")";
    private static final String PAIRS = "SELECT episode_id, measure_id FROM response WHERE episode_id IN (" + EPISODES
            + ") GROUP BY episode_id, measure_id HAVING count(*) >= 2";
    // Each open episode's latest response through an index: response_by_episode (store schema 4), or on a schema-3
    // file response_by_patient, found through r.patient_id. Without either, every open episode scanned the whole
    // response table (over two minutes for 10,000 episodes and 100,000 responses; 0.2 s with an index).
    static final String IDLE = "SELECT count(*) FROM episode e WHERE e.closed_date IS NULL"
            + " AND e.referral_date <= ?1 AND coalesce((SELECT max(substr(r.authored, 1, 10)) FROM response r"
            + " WHERE r.patient_id = e.patient_id AND r.episode_id = e.episode_id), '0000-00-00') < ?2";
    private static final String QUASI = "SELECT p.birth_date, p.gender, p.postcode, p.ethnicity,"
            + " (SELECT min(e.referral_date) FROM episode e WHERE e.patient_id = p.patient_id)"
            + " FROM patient p WHERE p.patient_id IN (" + SELECTED + ")";

    private final Selection selection;
    private final SecretKey linkKey;
    private final int idleDays;
    private final LocalDate asOf;

    public PreviewRun(Selection selection, SecretKey linkKey, int idleDays, LocalDate asOf) {
        this.selection = selection;
        this.linkKey = linkKey;
        this.idleDays = idleDays;
        this.asOf = asOf;
    }

    public PreviewReport run(OutputStream out) throws SealException {
        try (SiteDatabase db = SiteDatabase.open(selection.siteDb())) {
            Payloads.Result r = Payloads.write(db, selection, linkKey, Catalogues.get(),
                    (ndjson, length, deflated, deflatedLength) -> out.write(ndjson, 0, length), Payloads.NO_DEFLATE,
                    ResourceWriter::new, true, SealProgress.NONE);
            out.flush();
            long after = selection.afterSeq();
            String end = SiteDatabase.storedTime(
                    selection.quarter().end().plusDays(1).atStartOfDay(selection.zone()).toInstant());
            long episodes = db.count("SELECT count(*) FROM (" + EPISODES + ")", after, end);
            long pairs = db.count("SELECT count(*) FROM (" + PAIRS + ")", after, end);
            long episodesPaired = db.count("SELECT count(DISTINCT episode_id) FROM (" + PAIRS + ")", after, end);
            long idle = db.count(IDLE, asOf.toString(), asOf.minusDays(idleDays).toString());
            Map<String, Long> groups = new HashMap<>();
            long withRecord = db.forEach(QUASI, row -> groups.merge(quasiIdentifiers(row), 1L, Long::sum), after, end);
            long patients = db.count("SELECT count(DISTINCT patient_id) FROM (" + SELECTED + ")", after, end);
            if (patients > withRecord) {
                groups.merge("unknown|unknown|unknown|unknown", patients - withRecord, Long::sum);
            }
            Map<Long, Long> sizes = new TreeMap<>();
            groups.values().forEach(n -> sizes.merge(n, 1L, Long::sum));
            long smallest = groups.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long inSmall = groups.values().stream().filter(n -> n < PreviewReport.K).mapToLong(Long::longValue).sum();
            return new PreviewReport(r.counts(), r.stats().rows(), r.stats().lastSeq(), episodes, episodesPaired, pairs,
                    idle, r.stats().patientsWithoutRecord(), smallest, inSmall, sizes);
        } catch (IdentifierScan.Found f) {
            throw new SealException(SealError.IDENTIFIER_FOUND, f.getMessage() + "; the preview stopped there");
        } catch (SQLException e) {
            throw new SealException(SealError.SITE_DATABASE, "cannot read the site database " + selection.siteDb()
                    + ": " + e.getMessage(), e);
        } catch (SealException e) {
            throw e;
        } catch (Exception e) {
            throw new SealException(SealError.OUTPUT, "preview failed: " + e.getMessage(), e);
        }
    }

    /** Age band at first referral × gender × outward code × ethnicity, as they would leave. */
    private static String quasiIdentifiers(String[] row) {
        Integer age = row[4] == null ? null : Generalise.ageOn(LocalDate.parse(row[0]), LocalDate.parse(row[4]));
        String outward = Generalise.outwardCode(row[2]);
        String ethnic = Generalise.ethnicCategory(row[3]);
        return Generalise.ageBand(age) + "|" + Generalise.gender(row[1]) + "|" + (outward == null ? "unknown" : outward)
                + "|" + (ethnic == null ? "unknown" : ethnic);
    }
}
