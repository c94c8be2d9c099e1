package io.olmp.kernel;

import java.nio.FloatBuffer;

/**
 * Max-pooling of channel-major [C][n][H][W] activations, optionally finishing the convolution
 * before it. The source may be a product's off-heap buffer: it is copied one channel at a time
 * into a cache-sized scratch array (a bulk copy), as element-wise FloatBuffer reads are slow.
 */
final class ChannelMajorPooling {

    private ChannelMajorPooling() {}

    /** Floats of scratch the buffer variant needs for n images. */
    static int scratchFloats(ForwardStage.MaxPool p, int n) {
        return n * p.in().plane();
    }

    /**
     * @param bias per-channel bias the preceding convolution has not added yet (null: none), added
     *             after the max (exact: rounding is monotone)
     * @param relu apply max(x, 0) after the bias (also exact after the max)
     */
    static void max(FloatBuffer src, int offset, float[] dst, int n, ForwardStage.MaxPool p, float[] bias, boolean relu,
                    float[] scratch) {
        int block = scratchFloats(p, n);
        for (int c = 0; c < p.in().channels(); c++) {
            src.get(offset + c * block, scratch, 0, block);
            channel(scratch, 0, dst, c * n * p.out().plane(), n, p, bias == null ? 0f : bias[c], bias != null, relu);
        }
    }

    /** Max-pooling of activations already in a Java array, without bias or ReLU. */
    static void max(float[] src, float[] dst, int n, ForwardStage.MaxPool p) {
        int block = n * p.in().plane();
        for (int c = 0; c < p.in().channels(); c++) {
            channel(src, c * block, dst, c * n * p.out().plane(), n, p, 0f, false, false);
        }
    }

    private static void channel(float[] src, int from, float[] dst, int to, int n, ForwardStage.MaxPool p, float b,
                                boolean addBias, boolean relu) {
        int h = p.in().height();
        int w = p.in().width();
        int outH = p.out().height();
        int outW = p.out().width();
        int kh = p.kernelH();
        int kw = p.kernelW();
        int sh = p.strideH();
        int sw = p.strideW();
        int d = to;
        for (int img = 0; img < n; img++) {
            int plane = from + img * h * w;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int corner = plane + oy * sh * w + ox * sw;
                    float m = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < kh; ky++) {
                        int row = corner + ky * w;
                        for (int kx = 0; kx < kw; kx++) {
                            m = Math.max(m, src[row + kx]); // branch-free: the maximum's position is unpredictable
                        }
                    }
                    if (addBias) {
                        m += b;
                    }
                    if (relu) {
                        m = Math.max(m, 0f);
                    }
                    dst[d++] = m;
                }
            }
        }
    }
}
