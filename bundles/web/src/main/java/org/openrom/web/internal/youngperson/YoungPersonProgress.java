package org.openrom.web.internal.youngperson;

import gg.jte.Content;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openrom.api.fhir.QuestionnaireResponses;
import org.openrom.api.host.Patient;
import org.openrom.api.scoring.ScoringService;
import org.openrom.api.store.ResponseStore;
import org.openrom.web.internal.chart.Figure;
import org.openrom.web.internal.chart.MeasureHistory;
import org.openrom.web.internal.chart.ProgressCharts;
import org.openrom.web.internal.chart.ProgressReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A young person's own progress, in plain words: their self-reported measures and their goals in their own words
 * (never a parent's or teacher's report, no T-scores, no clinical terms). Used by the link and kiosk pages and by
 * the thank-you page after a hand-over ({@code /handover/done}). Each call is one view of a young person's data and
 * is audited first, as {@code young-person view patient/<id>}. Thread-safe.
 */
@Component(service = YoungPersonProgress.class)
public final class YoungPersonProgress {
    /** The audit actor of every young person's own view: they have no account. */
    public static final String ACTOR = "young-person";

    private final ResponseStore store;
    private final ProgressReader reader;
    private final ProgressCharts charts;

    @Activate
    public YoungPersonProgress(@Reference ResponseStore store, @Reference ScoringService scoring,
            @Reference QuestionnaireResponses fhir) {
        this(store, scoring, fhir, ZoneId.systemDefault());
    }

    YoungPersonProgress(ResponseStore store, ScoringService scoring, QuestionnaireResponses fhir, ZoneId zone) {
        this.store = store;
        this.reader = new ProgressReader(store, scoring, fhir, zone);
        this.charts = new ProgressCharts(scoring);
    }

    /**
     * The young person's charts, after auditing the view. For a jte template: {@code ${figure.content()}} each.
     *
     * @throws java.io.UncheckedIOException when the view cannot be audited: then nothing is shown
     */
    public List<Figure> figures(Patient patient) {
        store.audit(ACTOR, "view", "patient/" + patient.id());
        List<MeasureHistory> histories = new ArrayList<>();
        for (String measure : reader.measures(patient)) {
            histories.add(reader.history(patient, measure));
        }
        return charts.youngPerson(histories);
    }

    /** {@link #figures} as template content, e.g. for {@code HandoverDonePage}. */
    public List<Content> contents(Patient patient) {
        return figures(patient).stream().map(Figure::content).toList();
    }
}
