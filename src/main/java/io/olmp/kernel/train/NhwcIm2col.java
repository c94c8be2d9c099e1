package io.olmp.kernel.train;

import java.nio.FloatBuffer;

/**
 * im2col and its adjoint for valid (unpadded) convolutions on NHWC images. Row r of the column
 * matrix is output pixel (n, oh, ow); its K = kH * kW * C entries are ordered (kh, kw, c), so for
 * one kh the kW * C inputs are one contiguous run of the image row. Work is split over images,
 * which write disjoint rows, so the result does not depend on the thread count.
 */
record NhwcIm2col(int height, int width, int channels, int kernelH, int kernelW, int strideH, int strideW) {

    int outH() {
        return (height - kernelH) / strideH + 1;
    }

    int outW() {
        return (width - kernelW) / strideW + 1;
    }

    int columns() {
        return kernelH * kernelW * channels;
    }

    int imageSize() {
        return height * width * channels;
    }

    /**
     * Each image's rows are built in a per-thread Java array and written with one bulk put: a put
     * per kernel row (5 floats for LeNet-5's conv1) costs more than the copy itself.
     */
    void im2col(float[] images, int n, FloatBuffer cols) {
        int run = kernelW * channels;
        int k = columns();
        int perImage = outH() * outW() * k;
        StageLoops.forEach(n, image -> {
            float[] rows = scratch(perImage);
            int at = 0;
            for (int oh = 0; oh < outH(); oh++) {
                for (int ow = 0; ow < outW(); ow++) {
                    for (int kh = 0; kh < kernelH; kh++) {
                        int from = ((image * height + oh * strideH + kh) * width + ow * strideW) * channels;
                        System.arraycopy(images, from, rows, at, run);
                        at += run;
                    }
                }
            }
            cols.put(image * perImage, rows, 0, perImage);
        });
    }

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    /** A per-thread array of at least {@code floats} values (contents undefined). */
    static float[] scratch(int floats) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < floats) {
            holder[0] = new float[floats];
        }
        return holder[0];
    }

    /** images := sum of the column entries that read each pixel (the gradient of im2col). */
    void col2im(FloatBuffer cols, int n, float[] images) {
        int run = kernelW * channels;
        int k = columns();
        int perImage = outH() * outW() * k;
        StageLoops.forEach(n, image -> {
            java.util.Arrays.fill(images, image * imageSize(), (image + 1) * imageSize(), 0f);
            float[] rows = scratch(perImage);
            cols.get(image * perImage, rows, 0, perImage);
            int from = 0;
            for (int oh = 0; oh < outH(); oh++) {
                for (int ow = 0; ow < outW(); ow++) {
                    for (int kh = 0; kh < kernelH; kh++) {
                        int to = ((image * height + oh * strideH + kh) * width + ow * strideW) * channels;
                        for (int j = 0; j < run; j++) {
                            images[to + j] += rows[from + j];
                        }
                        from += run;
                    }
                }
            }
        });
    }
}
