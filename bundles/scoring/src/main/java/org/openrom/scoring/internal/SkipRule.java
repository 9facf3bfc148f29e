package org.openrom.scoring.internal;

import org.openrom.api.scoring.Source;

/** The data of a scale's skip rule: when {@code screeningItem} is at {@code noPosition}, the scale is 0. */
record SkipRule(String name, String screeningItem, int noPosition, Source source) {}
