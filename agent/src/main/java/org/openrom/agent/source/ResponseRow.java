package org.openrom.agent.source;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An outbox row joined to its response. {@code fhirJson} and {@code scoresJson} are raw UTF-8 bytes. */
public record ResponseRow(
        long seq,
        String responseId,
        String patientId,
        @Nullable String episodeId,
        String measureId,
        Instant authored,
        byte[] fhirJson,
        byte[] scoresJson) {}
