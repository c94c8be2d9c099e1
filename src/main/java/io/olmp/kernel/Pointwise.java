package io.olmp.kernel;

/** Bias and ReLU in place, as DL4J applies them after a product (z + b, then max(z, 0)). */
final class Pointwise {

    private Pointwise() {}

    /** Channel-major activations: channel c is the block [c * block, (c + 1) * block). */
    static void biasPerChannel(float[] act, int block, float[] bias, boolean relu) {
        for (int c = 0; c < bias.length; c++) {
            float b = bias[c];
            int end = (c + 1) * block;
            for (int i = c * block; i < end; i++) {
                float v = act[i] + b;
                act[i] = relu && !(v > 0f) ? 0f : v;
            }
        }
    }

    /** Row-major [rows, bias.length] activations. */
    static void biasPerColumn(float[] act, int rows, float[] bias, boolean relu) {
        int cols = bias.length;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                float v = act[base + j] + bias[j];
                act[base + j] = relu && !(v > 0f) ? 0f : v;
            }
        }
    }
}
