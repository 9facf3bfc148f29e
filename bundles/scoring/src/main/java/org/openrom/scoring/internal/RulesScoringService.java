package org.openrom.scoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openrom.api.scoring.CaseVerdict;
import org.openrom.api.scoring.Change;
import org.openrom.api.scoring.ContentPackStatus;
import org.openrom.api.scoring.MeasureInfo;
import org.openrom.api.scoring.ScoreSet;
import org.openrom.api.scoring.ScoringRequest;
import org.openrom.api.scoring.ScoringService;
import org.openrom.profiles.Profiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring service: every measure's rules from fhir-profiles, read by one generic engine, plus the site's
 * content pack. Immutable after construction, so thread-safe. Usable without OSGi: {@code new
 * RulesScoringService(config)} (or {@link org.openrom.scoring.Scoring#open}).
 */
@Component(service = ScoringService.class)
@Designate(ocd = RulesScoringService.Config.class)
public final class RulesScoringService implements ScoringService {
    private static final Logger LOG = LoggerFactory.getLogger(RulesScoringService.class);

    /** Configuration (PID {@code org.openrom.scoring.internal.RulesScoringService}). */
    @ObjectClassDefinition(name = "OpenROM scoring", description = "Scoring rules engine and licensed content pack")
    public @interface Config {
        /** The folder of the site's licensed content pack; empty when the site has none. */
        @AttributeDefinition(description = "Absolute path of the licensed content pack folder (docs/content-packs.md); "
                + "empty for none")
        String contentPackDir() default "";
    }

    private final Catalogue catalogue;
    private final ContentPack pack;
    private final boolean ttDeteriorationNeedsNoImprovement;

    /**
     * @throws IllegalArgumentException when contentPackDir is set but not an absolute path
     * @throws IllegalStateException when the shipped measure data is inconsistent (names the file)
     */
    @Activate
    public RulesScoringService(Config config) {
        ObjectMapper json = new ObjectMapper();
        String dir = config.contentPackDir().strip();
        Path packDir = dir.isEmpty() ? null : Path.of(dir);
        if (packDir != null && !packDir.isAbsolute()) {
            throw new IllegalArgumentException("contentPackDir must be an absolute path: " + dir);
        }
        this.catalogue = Catalogue.load(json);
        this.pack = ContentPackLoader.load(packDir, catalogue, json);
        this.ttDeteriorationNeedsNoImprovement = talkingTherapiesFlag(json);
        ContentPackStatus s = pack.status();
        s.problems().forEach(p -> LOG.warn("content pack problem: {}", p));
        LOG.debug("scoring ready: {} measures; content pack: {} missing, {} problems", catalogue.all().size(),
                s.missing().size(), s.problems().size());
    }

    private static boolean talkingTherapiesFlag(ObjectMapper json) {
        String text = Profiles.rules("talking-therapies")
                .orElseThrow(() -> new IllegalStateException("org.openrom.profiles has no rules/talking-therapies.json"));
        try {
            JsonNode flag = json.readTree(text).get("deteriorationRequiresNoImprovementOnOther");
            if (flag == null || !flag.isBoolean()) {
                throw new IllegalStateException("rules/talking-therapies.json: deteriorationRequiresNoImprovementOnOther "
                        + "must be true or false, found " + flag);
            }
            return flag.booleanValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules/talking-therapies.json is not valid JSON", e);
        }
    }

    @Override
    public List<MeasureInfo> measures() {
        return catalogue.all().stream().map(this::info).toList();
    }

    private MeasureInfo info(Measure m) {
        MeasureRules r = m.rules();
        boolean text = !r.licensedText() || pack.status().texts().containsKey(m.id());
        return new MeasureInfo(m.id(), r.title(), r.informant(), r.licensedText(), text, r.scaleIds(), r.headlineScale());
    }

    @Override
    public ScoreSet score(ScoringRequest request) {
        return ScoreEngine.score(catalogue.measure(request.measureId()), request, pack);
    }

    @Override
    public Change change(ScoreSet first, ScoreSet last) {
        return ChangeCalculator.change(catalogue.measure(first.measureId()), first, last);
    }

    @Override
    public CaseVerdict caseVerdict(List<Change> changes) {
        return CaseVerdicts.corc(changes);
    }

    @Override
    public org.openrom.api.scoring.TalkingTherapiesOutcome talkingTherapies(Change phq9, Change gad7) {
        return CaseVerdicts.talkingTherapies(phq9, gad7, ttDeteriorationNeedsNoImprovement);
    }

    @Override
    public ContentPackStatus contentPack() {
        return pack.status();
    }

    @Override
    public Map<String, String> itemTexts(String measureId, String language) {
        catalogue.measure(measureId);
        return pack.texts(measureId, language);
    }
}
