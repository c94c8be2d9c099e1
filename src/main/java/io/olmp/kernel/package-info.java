/**
 * The scoring kernel: a forward pass built for scoring many masked copies of one network on the
 * same images, instead of DL4J's generic layer stack. {@link io.olmp.kernel.ForwardPlan} reads the
 * supported layers (convolution, max-pooling, LRN, dense, output; dropout is the identity at
 * inference) from a DL4J configuration. {@link io.olmp.kernel.ScoringKernel} returns top-1
 * predictions equal to DL4J's {@code output()} argmax on two paths:
 * <ul>
 *   <li>the exact path: im2col plus one ND4J matrix product per weighted layer in DL4J's operand
 *       layouts (so the sums are DL4J's), the first layer of all candidates of a generation in one
 *       product, then parallel {@code CandidateLane}s (one per core, own buffers, products
 *       single-threaded meanwhile through {@code BlasThreads}, results in whole column-major
 *       arrays, {@code ProductResult}); near-ties are resolved through DL4J's own softmax;</li>
 *   <li>the direct lane ({@code DirectLane}, for stride-1 convolutions with optional pooling then
 *       dense layers, such as LeNet-5): only the kept weights ({@code NonZeroRows}) are multiplied,
 *       over image-minor rows the JIT vectorises; rows whose top two logits are within a relative
 *       guard go back to the exact path.</li>
 * </ul>
 * {@link io.olmp.kernel.ScoringKernelBenchmark} measures both against DL4J and the ND4J
 * matrix-product rate.
 */
package io.olmp.kernel;
