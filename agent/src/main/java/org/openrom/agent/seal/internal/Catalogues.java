package org.openrom.agent.seal.internal;

/** The measure catalogue, read once per process (fhir-profiles is on the class path and does not change). */
final class Catalogues {

    private Catalogues() {}

    private static final class Holder {
        static final MeasureCatalogue INSTANCE = MeasureCatalogue.load();
    }

    static MeasureCatalogue get() {
        return Holder.INSTANCE;
    }
}
