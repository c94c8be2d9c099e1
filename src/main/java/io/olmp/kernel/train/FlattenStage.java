package io.olmp.kernel.train;

/**
 * NHWC images to the rows DL4J's CnnToFeedForwardPreProcessor makes: NCHW flattened, so the next
 * dense layer's weight rows are indexed c * H * W + h * W + w.
 */
final class FlattenStage implements TrainingStage {

    private final int height;
    private final int width;
    private final int channels;
    private int n = -1;
    private float[] out;
    private float[] dIn;

    FlattenStage(int height, int width, int channels) {
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    @Override
    public int outSize() {
        return height * width * channels;
    }

    @Override
    public float[] forward(float[] in, int batch) {
        if (batch != n) {
            n = batch;
            out = new float[n * outSize()];
            dIn = new float[n * outSize()];
        }
        int pixels = height * width;
        for (int image = 0; image < batch; image++) {
            int base = image * outSize();
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < channels; c++) {
                    out[base + c * pixels + p] = in[base + p * channels + c];
                }
            }
        }
        return out;
    }

    @Override
    public float[] backward(float[] dOut, int batch, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        int pixels = height * width;
        for (int image = 0; image < batch; image++) {
            int base = image * outSize();
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < channels; c++) {
                    dIn[base + p * channels + c] = dOut[base + c * pixels + p];
                }
            }
        }
        return dIn;
    }
}
