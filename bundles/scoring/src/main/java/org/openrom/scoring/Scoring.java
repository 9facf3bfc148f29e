package org.openrom.scoring;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.openrom.api.scoring.ScoringService;
import org.openrom.scoring.internal.RulesScoringService;

/**
 * Builds the scoring service outside OSGi, e.g. for the command line.
 *
 * @since 1.0.0
 */
public final class Scoring {
    private Scoring() {}

    /**
     * The scoring service with the measures shipped in fhir-profiles.
     *
     * @param contentPackDir the site's licensed content pack folder (absolute); null for none
     * @return a thread-safe service; {@link ScoringService#contentPack()} reports what the pack lacks
     * @throws IllegalArgumentException when the folder path is not absolute
     */
    public static ScoringService open(@Nullable Path contentPackDir) {
        String dir = contentPackDir == null ? "" : contentPackDir.toString();
        return new RulesScoringService(new RulesScoringService.Config() {
            @Override
            public String contentPackDir() {
                return dir;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return RulesScoringService.Config.class;
            }
        });
    }
}
