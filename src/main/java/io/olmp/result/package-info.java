/**
 * What a finished run reports, as plain values: the loop records ({@link io.olmp.result.LoopRecord}), the run's
 * outcome written as {@code result.json} ({@link io.olmp.result.RunResult}), the figures of each deliverable
 * model ({@link io.olmp.result.ModelFigures}) and the delivery rule that picks one of them
 * ({@link io.olmp.result.Delivery}). Imports the JDK only, so that the reports, the comparison and the CLI read
 * results without depending on the pipeline that writes them.
 */
package io.olmp.result;
