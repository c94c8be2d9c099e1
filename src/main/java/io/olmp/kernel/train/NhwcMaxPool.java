package io.olmp.kernel.train;


/**
 * Max pooling on NHWC images without padding. The forward pass remembers, for every output, the
 * input index of its maximum; ties go to the first position in (kh, kw) order, as libnd4j's
 * maxpool2d_bp does (ties are common: blank MNIST borders give equal convolution outputs).
 */
record NhwcMaxPool(int height, int width, int channels, int kernelH, int kernelW, int strideH, int strideW) {

    int outH() {
        return (height - kernelH) / strideH + 1;
    }

    int outW() {
        return (width - kernelW) / strideW + 1;
    }

    int outSize() {
        return outH() * outW() * channels;
    }

    void forward(float[] in, int n, float[] out, int[] argmax) {
        int outH = outH();
        int outW = outW();
        int rowStride = width * channels;
        StageLoops.forEach(n, image -> {
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int o = ((image * outH + oh) * outW + ow) * channels;
                    int corner = ((image * height + oh * strideH) * width + ow * strideW) * channels;
                    if (kernelH == 2 && kernelW == 2) {
                        forward2x2(in, corner, rowStride, out, argmax, o);
                        continue;
                    }
                    for (int c = 0; c < channels; c++) {
                        int best = corner + c;
                        float max = in[best];
                        for (int kh = 0; kh < kernelH; kh++) {
                            for (int kw = kh == 0 ? 1 : 0; kw < kernelW; kw++) {
                                int i = corner + kh * rowStride + kw * channels + c;
                                float v = in[i];
                                if (v > max) {
                                    max = v;
                                    best = i;
                                }
                            }
                        }
                        out[o + c] = max;
                        argmax[o + c] = best;
                    }
                }
            }
        });
    }

    /** One output pixel of a 2 x 2 window, unrolled: all four loads first, then three comparisons (1.6x the loop's speed). */
    private void forward2x2(float[] in, int corner, int rowStride, float[] out, int[] argmax, int o) {
        for (int c = 0; c < channels; c++) {
            int i0 = corner + c;
            int i1 = i0 + channels;
            int i2 = i0 + rowStride;
            int i3 = i2 + channels;
            float v1 = in[i1];
            float v2 = in[i2];
            float v3 = in[i3];
            float max = in[i0];
            int best = i0;
            if (v1 > max) {
                max = v1;
                best = i1;
            }
            if (v2 > max) {
                max = v2;
                best = i2;
            }
            if (v3 > max) {
                max = v3;
                best = i3;
            }
            out[o + c] = max;
            argmax[o + c] = best;
        }
    }

    /** dIn := the output gradients routed to the remembered maxima (zero elsewhere). */
    void backward(float[] dOut, int[] argmax, int n, float[] dIn) {
        int inSize = height * width * channels;
        StageLoops.forEach(n, image -> {
            java.util.Arrays.fill(dIn, image * inSize, (image + 1) * inSize, 0f);
            for (int o = image * outSize(); o < (image + 1) * outSize(); o++) {
                dIn[argmax[o]] += dOut[o];
            }
        });
    }
}
