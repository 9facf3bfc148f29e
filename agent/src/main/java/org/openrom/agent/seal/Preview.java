package org.openrom.agent.seal;

import java.io.OutputStream;
import java.time.LocalDate;
import javax.crypto.SecretKey;
import org.openrom.agent.seal.internal.PreviewRun;

/**
 * {@code openrom agent preview}: exactly what would leave the site for a selection, before gzip and encryption.
 * The identifier scan runs as it does for sealing.
 */
public final class Preview {

    private Preview() {}

    /**
     * Writes the NDJSON payload to {@code ndjson} (not closed) and reports counts, data quality and k-anonymity.
     *
     * @param selection the rows, as for sealing
     * @param linkKey K_link, so the pseudonyms are the ones that would be sent
     * @param idleDays an open episode with no response for this many days before {@code asOf} is an idle case
     * @param asOf the day idle cases are counted on (normally the quarter's end, or today if earlier)
     * @param ndjson where the payload goes
     * @throws SealException as {@link Sealer#seal(SealRequest)} would (an identifier found, a bad row, …)
     */
    public static PreviewReport run(
            Selection selection, SecretKey linkKey, int idleDays, LocalDate asOf, OutputStream ndjson)
            throws SealException {
        if (idleDays < 1) {
            throw new IllegalArgumentException("idleDays must be >= 1, found " + idleDays);
        }
        return new PreviewRun(selection, linkKey, idleDays, asOf).run(ndjson);
    }
}
