/**
 * The scoring kernel: a forward pass built for scoring many masked copies of one network on the
 * same images, instead of DL4J's generic layer stack. {@link io.olmp.kernel.ForwardPlan} reads the
 * supported layers (convolution, max-pooling, LRN, dense, output; dropout is the identity at
 * inference) from a DL4J configuration; {@link io.olmp.kernel.ScoringKernel} runs them as im2col
 * plus one ND4J matrix product per weighted layer into buffers allocated once, computes the first
 * layer of all candidates of a generation in one product, and returns top-1 predictions equal to
 * DL4J's {@code output()} argmax (the products use DL4J's operand layouts, so the sums are the
 * same; near-ties are resolved through DL4J's own softmax). After the shared first product the
 * candidates are scored on parallel {@code CandidateLane}s (one per core, own buffers, products
 * single-threaded meanwhile through {@code BlasThreads}, results in whole column-major arrays,
 * {@code ProductResult}). {@link io.olmp.kernel.ScoringKernelBenchmark}
 * measures it against DL4J and the ND4J matrix-product rate.
 */
package io.olmp.kernel;
