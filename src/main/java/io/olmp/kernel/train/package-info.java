/**
 * A fast masked SGD step for the small supported networks (LeNet-5 and LeNet-300-100 as built by
 * {@code io.olmp.model.Architectures}): im2col + GEMM convolutions on NHWC activations kept in Java
 * arrays, ND4J's BLAS for every matrix product, max pooling and softmax cross-entropy in plain
 * Java. It computes exactly the gradient DL4J's {@code computeGradientAndScore()} computes (the
 * forward pass may use W * M, DS semantics) and then applies the network's own DL4J updater (for
 * the paper's Nesterov + L2 solver, after the first iteration, as one fused Java pass with DL4J's
 * arithmetic, {@link io.olmp.kernel.train.NesterovL2Update}), so the updater state, learning-rate
 * schedule, regularisation and iteration counter are DL4J's and a network trained here saves,
 * loads and resumes like any other.
 *
 * <p>A batch of a convolutional network is computed as two half-batches at once, each with its
 * own stages and single-threaded BLAS, the second half's gradient added to the first's.
 * {@link io.olmp.kernel.train.FastTrainingStep#supports} says which networks qualify;
 * {@link io.olmp.bench.TrainingBenchmark} measures it against DL4J's {@code fit()}.
 * Depends on DL4J/ND4J and {@code io.olmp.kernel.BlasThreads} only (io.olmp.kernel imports no
 * other io.olmp package), so {@code io.olmp.model} and {@code io.olmp.prune} can use it.
 */
package io.olmp.kernel.train;
