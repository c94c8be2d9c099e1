/**
 * Benchmarks that put the tool's speed next to the machine's limits, in one process: the peak rate of
 * ND4J float matrix products ({@link io.olmp.bench.MatmulPeak}), the driver-side cost of one NCS generation
 * ({@link io.olmp.bench.NcsOverhead}) and the process's peak resident memory ({@link io.olmp.bench.PeakMemory}).
 * {@code olmp bench} combines them with the scoring, training and Spark benchmarks of the other packages.
 */
package io.olmp.bench;
