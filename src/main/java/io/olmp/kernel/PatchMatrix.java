package io.olmp.kernel;

import java.nio.FloatBuffer;

/**
 * Lays out convolution patches as rows of a row-major [images x oH x oW, C x kH x kW] matrix, in
 * DL4J's order (rows: image, then output row, then output column; columns: channel, kernel row,
 * kernel column), one image at a time through a Java scratch array, then copied in bulk.
 */
final class PatchMatrix {

    private PatchMatrix() {}

    /** Patches of images [start, start + n) of flattened C x H x W pixels. */
    static void fromImages(float[] pixels, int start, int n, ForwardStage.Conv conv, FloatBuffer dst, float[] scratch) {
        int plane = conv.in().plane();
        int imageSize = conv.in().size();
        patches(pixels, start * imageSize, plane, imageSize, n, conv, dst, scratch);
    }

    /** Patches of activations held channel-major: [C][n][H][W]. */
    static void fromChannelMajor(float[] act, int n, ForwardStage.Conv conv, FloatBuffer dst, float[] scratch) {
        int plane = conv.in().plane();
        patches(act, 0, n * plane, plane, n, conv, dst, scratch);
    }

    /** Channel-major [C][n][H][W] activations as the row-major [n, C x H x W] input of a dense layer. */
    static void flatten(float[] act, int n, FeatureShape shape, FloatBuffer dst, float[] scratch) {
        int plane = shape.plane();
        int size = shape.size();
        for (int img = 0; img < n; img++) {
            for (int c = 0; c < shape.channels(); c++) {
                System.arraycopy(act, (c * n + img) * plane, scratch, c * plane, plane);
            }
            dst.put(img * size, scratch, 0, size);
        }
    }

    private static void patches(float[] src, int base, int channelStride, int imageStride, int n, ForwardStage.Conv conv,
                                FloatBuffer dst, float[] scratch) {
        int channels = conv.in().channels();
        int h = conv.in().height();
        int w = conv.in().width();
        int kh = conv.kernelH();
        int kw = conv.kernelW();
        int sh = conv.strideH();
        int sw = conv.strideW();
        int ph = conv.padH();
        int pw = conv.padW();
        int outH = conv.out().height();
        int outW = conv.out().width();
        int perImage = conv.rowsPerImage() * conv.patch();
        for (int img = 0; img < n; img++) {
            int k = 0;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int x0 = ox * sw - pw;
                    boolean inside = x0 >= 0 && x0 + kw <= w;
                    for (int c = 0; c < channels; c++) {
                        int planeStart = base + c * channelStride + img * imageStride;
                        for (int ky = 0; ky < kh; ky++) {
                            int y = oy * sh + ky - ph;
                            if (y < 0 || y >= h) {
                                for (int kx = 0; kx < kw; kx++) {
                                    scratch[k++] = 0f;
                                }
                            } else if (inside) {
                                int from = planeStart + y * w + x0;
                                for (int kx = 0; kx < kw; kx++) {
                                    scratch[k++] = src[from + kx];
                                }
                            } else {
                                int row = planeStart + y * w;
                                for (int kx = 0; kx < kw; kx++) {
                                    int x = x0 + kx;
                                    scratch[k++] = x >= 0 && x < w ? src[row + x] : 0f;
                                }
                            }
                        }
                    }
                }
            }
            dst.put(img * perImage, scratch, 0, perImage);
        }
    }
}
