/**
 * Benchmarks that put the tool's speed next to the machine's limits, in one process: the peak rate of
 * ND4J float matrix products ({@link io.olmp.bench.MatmulPeak}), the driver-side cost of one NCS generation
 * ({@link io.olmp.bench.NcsOverhead}), the fast training step against DL4J's {@code fit()}
 * ({@link io.olmp.bench.TrainingBenchmark}), one generation scored on Spark against in-process
 * ({@link io.olmp.bench.SparkOverheadBenchmark}) and the process's peak resident memory
 * ({@link io.olmp.bench.PeakMemory}). The scoring kernel's benchmark stays in {@code io.olmp.kernel}
 * ({@code ScoringKernelBenchmark}) because it measures the kernel's internal paths against each other.
 * {@code olmp bench} runs them all.
 */
package io.olmp.bench;
