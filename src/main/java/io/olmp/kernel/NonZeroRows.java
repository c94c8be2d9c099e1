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
        int[] source = new int[kept];
        float[] value = new float[kept];
        int k = 0;
        for (int u = 0; u < units; u++) {
            start[u] = k;
            int base = u * perUnit;
            for (int p = 0; p < perUnit; p++) {
                float w = masked[base + p];
                if (w != 0f) {
                    source[k] = sourceOf.applyAsInt(p);
                    value[k++] = w;
                }
            }
        }
        start[units] = k;
        return new NonZeroRows(start, source, value, kept, masked.length);
    }
}
