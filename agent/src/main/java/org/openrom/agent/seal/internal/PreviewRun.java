package org.openrom.agent.seal.internal;

import java.io.OutputStream;
import java.time.LocalDate;
import javax.crypto.SecretKey;
import org.openrom.agent.seal.PreviewReport;
import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.Selection;

/** One preview run. */
public final class PreviewRun {
    private final Selection selection;

    public PreviewRun(Selection selection, SecretKey linkKey, int idleDays, LocalDate asOf) {
        this.selection = selection;
    }

    public PreviewReport run(OutputStream out) throws SealException {
        throw new SealException(SealError.EMPTY, "not implemented yet: " + selection.quarter().id());
    }
}
