package io.olmp.kernel;

/**
 * Bias and ReLU in place, as DL4J applies them after a product (z + b, then max(z, 0)). ReLU is
 * Math.max, not a comparison: its branch goes each way on about half the entries, and the
 * mispredictions cost more than the rest of the pass.
 */
final class Pointwise {

    private Pointwise() {}

    /** Channel-major activations: channel c is the block [c * block, (c + 1) * block). */
    static void biasPerChannel(float[] act, int block, float[] bias, boolean relu) {
        for (int c = 0; c < bias.length; c++) {
            float b = bias[c];
            int end = (c + 1) * block;
            if (relu) {
                for (int i = c * block; i < end; i++) {
                    act[i] = Math.max(act[i] + b, 0f);
                }
            } else {
                for (int i = c * block; i < end; i++) {
                    act[i] += b;
                }
            }
        }
    }

    /** Row-major [rows, bias.length] activations. */
    static void biasPerColumn(float[] act, int rows, float[] bias, boolean relu) {
        int cols = bias.length;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            if (relu) {
                for (int j = 0; j < cols; j++) {
                    act[base + j] = Math.max(act[base + j] + bias[j], 0f);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    act[base + j] += bias[j];
                }
            }
        }
    }
}
