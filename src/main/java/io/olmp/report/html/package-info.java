/**
 * The HTML report of a run ({@code olmp report DIR}, also written at the end of {@code olmp run}):
 * {@link io.olmp.report.html.ReportData} reads the run tables under {@code DIR/tables/} (through
 * {@link io.olmp.report.TablesSummary#read}) plus {@code result.json}, {@link io.olmp.report.html.Charts}
 * draws the plots with JFreeChart, {@link io.olmp.report.html.ReportPage} renders one self-contained
 * page (charts embedded as base64 PNG), and {@link io.olmp.report.html.RunReport} writes it atomically.
 * Kept apart from {@code io.olmp.report} (the tables) so the two can change independently.
 */
package io.olmp.report.html;
