package io.olmp.kernel;

import java.util.function.IntUnaryOperator;

/**
 * The kept weights of one masked layer, grouped by output unit (a convolution's output channel or
 * a dense layer's output neuron): unit u's weights are value[start[u] .. start[u + 1]), each
 * applied to the input row source[k] (an index whose meaning the {@link DirectLane} stage defines).
 *
 * @param kept how many weights are kept (non-zero after masking)
 */
record NonZeroRows(int[] start, int[] source, float[] value, int kept, int total) {

    /**
     * @param masked  the masked weights, unit-major: unit u's {@code perUnit} weights at u * perUnit
     * @param units   output units
     * @param sourceOf maps a weight's position within its unit to the input row it reads
     */
    static NonZeroRows of(float[] masked, int units, int perUnit, IntUnaryOperator sourceOf) {
        int kept = 0;
        for (float w : masked) {
            kept += w != 0f ? 1 : 0;
        }
        int[] start = new int[units + 1];
        // one slot more than kept: every weight is written at k, which advances only past a kept
        // one (no branch: whether a weight is kept is as good as random, and mispredicted often)
        int[] source = new int[kept + 1];
        float[] value = new float[kept + 1];
        int[] sources = new int[perUnit];
        for (int p = 0; p < perUnit; p++) {
            sources[p] = sourceOf.applyAsInt(p);
        }
        int k = 0;
        for (int u = 0; u < units; u++) {
            start[u] = k;
            int base = u * perUnit;
            for (int p = 0; p < perUnit; p++) {
                float w = masked[base + p];
                source[k] = sources[p];
                value[k] = w;
                k += w != 0f ? 1 : 0;
            }
        }
        start[units] = k;
        return new NonZeroRows(start, source, value, kept, masked.length);
    }
}
