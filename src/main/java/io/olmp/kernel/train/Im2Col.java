package io.olmp.kernel.train;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * im2col and its adjoint for valid (unpadded) convolutions on NHWC images. Row r of the column
 * matrix is output pixel (n, oh, ow); its K = kH * kW * C entries are ordered (kh, kw, c), so for
 * one kh the kW * C inputs are one contiguous run of the image row. Work is split over images,
 * which write disjoint rows, so the result does not depend on the thread count.
 */
record Im2Col(int height, int width, int channels, int kernelH, int kernelW, int strideH, int strideW) {

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

    void im2col(float[] images, int n, FloatBuffer cols) {
        int run = kernelW * channels;
        int k = columns();
        IntStream.range(0, n).parallel().forEach(image -> {
            int row = image * outH() * outW();
            for (int oh = 0; oh < outH(); oh++) {
                for (int ow = 0; ow < outW(); ow++, row++) {
                    for (int kh = 0; kh < kernelH; kh++) {
                        int from = ((image * height + oh * strideH + kh) * width + ow * strideW) * channels;
                        cols.put(row * k + kh * run, images, from, run);
                    }
                }
            }
        });
    }

    /** images := sum of the column entries that read each pixel (the gradient of im2col). */
    void col2im(FloatBuffer cols, int n, float[] images) {
        int run = kernelW * channels;
        int k = columns();
        IntStream.range(0, n).parallel().forEach(image -> {
            java.util.Arrays.fill(images, image * imageSize(), (image + 1) * imageSize(), 0f);
            int row = image * outH() * outW();
            for (int oh = 0; oh < outH(); oh++) {
                for (int ow = 0; ow < outW(); ow++, row++) {
                    for (int kh = 0; kh < kernelH; kh++) {
                        int to = ((image * height + oh * strideH + kh) * width + ow * strideW) * channels;
                        int from = row * k + kh * run;
                        for (int j = 0; j < run; j++) {
                            images[to + j] += cols.get(from + j);
                        }
                    }
                }
            }
        });
    }
}
