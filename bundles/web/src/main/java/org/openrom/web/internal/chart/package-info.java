/**
 * Progress charts drawn on the server as SVG, each with a data table as its text alternative: per measure and
 * scale (clinical cut-off band from the measure's rules, direction of better, reliable-change markers), goals in
 * the young person's own words, a plain-language young-person version and the multi-informant view. Entry
 * points: {@link org.openrom.web.internal.chart.ProgressReader} (a young person's histories, rescored from the
 * raw answers) and {@link org.openrom.web.internal.chart.ProgressCharts} (the figures as HTML). Every text goes
 * through {@link org.openrom.web.internal.chart.Xml#escape}.
 */
@NullMarked
package org.openrom.web.internal.chart;

import org.jspecify.annotations.NullMarked;
