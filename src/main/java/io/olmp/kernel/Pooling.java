package io.olmp.kernel;

import java.nio.FloatBuffer;

/**
 * Max-pooling of channel-major [C][n][H][W] activations, optionally finishing the convolution
 * before it; the source is a FloatBuffer so that it can be a product's off-heap buffer (no copy).
 */
final class Pooling {

    private Pooling() {}

    /**
     * @param bias per-channel bias the preceding convolution has not added yet (null: none), added
     *             after the max (exact: rounding is monotone)
     * @param relu apply max(x, 0) after the bias (also exact after the max)
     */
    static void max(FloatBuffer src, int offset, float[] dst, int n, Stage.MaxPool p, float[] bias, boolean relu) {
        int h = p.in().height();
        int w = p.in().width();
        int outH = p.out().height();
        int outW = p.out().width();
        int kh = p.kernelH();
        int kw = p.kernelW();
        int sh = p.strideH();
        int sw = p.strideW();
        int d = 0;
        for (int c = 0; c < p.in().channels(); c++) {
            float b = bias == null ? 0f : bias[c];
            for (int img = 0; img < n; img++) {
                int plane = offset + (c * n + img) * h * w;
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        int corner = plane + oy * sh * w + ox * sw;
                        float m = Float.NEGATIVE_INFINITY;
                        for (int ky = 0; ky < kh; ky++) {
                            int row = corner + ky * w;
                            for (int kx = 0; kx < kw; kx++) {
                                float v = src.get(row + kx);
                                if (v > m) {
                                    m = v;
                                }
                            }
                        }
                        if (bias != null) {
                            m += b;
                        }
                        if (relu && !(m > 0f)) {
                            m = 0f;
                        }
                        dst[d++] = m;
                    }
                }
            }
        }
    }
}
