package org.openrom.agent.seal.internal;

import org.openrom.agent.seal.SealError;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.SealRequest;
import org.openrom.agent.seal.SealedBatch;

/** One sealing run. */
public final class BatchSealing {
    private final SealRequest request;

    public BatchSealing(SealRequest request) {
        this.request = request;
    }

    public SealedBatch run() throws SealException {
        throw new SealException(SealError.EMPTY, "not implemented yet: " + request);
    }
}
