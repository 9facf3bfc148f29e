package org.openrom.agent.source;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code episode}. */
public record EpisodeRow(
        String episodeId, String patientId, String service, LocalDate referralDate, @Nullable LocalDate closedDate) {}
