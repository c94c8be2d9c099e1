/**
 * The run tables: the explicit Spark SQL schemas of the Parquet tables under {@code <out>/tables/}
 * ({@link io.olmp.report.TableSchemas}: runs, loops, generations, candidates, layers), their row
 * values ({@code *Row} records), the writer that appends them while a run goes
 * ({@link io.olmp.report.RunTables}: staged, then atomically renamed into place, one file per
 * loop/generation so a re-run after a resume replaces instead of duplicating), CPU accounting
 * ({@link io.olmp.report.CpuMeter}) and the reader behind {@code olmp tables}
 * ({@link io.olmp.report.TablesSummary}). Imports Spark SQL and {@code io.olmp.files.AtomicFiles},
 * nothing of the pipeline; the pipeline, the CLI and the baselines call it.
 */
package io.olmp.report;
