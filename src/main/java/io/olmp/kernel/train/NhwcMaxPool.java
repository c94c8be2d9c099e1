package io.olmp.kernel.train;

import java.util.stream.IntStream;

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
        IntStream.range(0, n).parallel().forEach(image -> {
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int o = ((image * outH + oh) * outW + ow) * channels;
                    int corner = ((image * height + oh * strideH) * width + ow * strideW) * channels;
                    System.arraycopy(in, corner, out, o, channels);
                    for (int c = 0; c < channels; c++) {
                        argmax[o + c] = corner + c;
                    }
                    for (int kh = 0; kh < kernelH; kh++) {
                        for (int kw = kh == 0 ? 1 : 0; kw < kernelW; kw++) {
                            int i = corner + kh * rowStride + kw * channels;
                            for (int c = 0; c < channels; c++) {
                                float v = in[i + c];
                                if (v > out[o + c]) {
                                    out[o + c] = v;
                                    argmax[o + c] = i + c;
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /** dIn := the output gradients routed to the remembered maxima (zero elsewhere). */
    void backward(float[] dOut, int[] argmax, int n, float[] dIn) {
        int inSize = height * width * channels;
        IntStream.range(0, n).parallel().forEach(image -> {
            java.util.Arrays.fill(dIn, image * inSize, (image + 1) * inSize, 0f);
            for (int o = image * outSize(); o < (image + 1) * outSize(); o++) {
                dIn[argmax[o]] += dOut[o];
            }
        });
    }
}
