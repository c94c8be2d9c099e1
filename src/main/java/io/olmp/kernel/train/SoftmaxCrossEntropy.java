package io.olmp.kernel.train;

/**
 * Softmax + multi-class cross-entropy as DL4J's OutputLayer with LossMCXENT computes it: the score
 * is the mean over the batch of -sum y log p (p clipped to [1e-10, 1 - 1e-10] as DL4J's default
 * softmaxClipEps does), and the gradient with respect to the logits is p - y per example, not
 * divided by the batch size (DL4J's updater divides the whole gradient by it).
 */
final class SoftmaxCrossEntropy {

    private static final double CLIP = 1e-10;
    private float[] gradient;

    /** Logits of n examples against the one-hot labels of rows [from, from + n) of {@code y}. */
    double forwardBackward(float[] logits, float[] y, int from, int n, int classes) {
        if (gradient == null || gradient.length != n * classes) {
            gradient = new float[n * classes];
        }
        int offset = from * classes;
        double total = 0;
        float[] p = new float[classes];
        for (int r = 0; r < n; r++) {
            int base = r * classes;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[base + c]);
            }
            float sum = 0f;
            for (int c = 0; c < classes; c++) {
                p[c] = (float) Math.exp(logits[base + c] - max);
                sum += p[c];
            }
            for (int c = 0; c < classes; c++) {
                p[c] /= sum;
                gradient[base + c] = p[c] - y[offset + base + c];
                if (y[offset + base + c] != 0f) {
                    total -= y[offset + base + c] * Math.log(Math.min(Math.max(p[c], CLIP), 1 - CLIP));
                }
            }
        }
        return total / n;
    }

    float[] gradient() {
        return gradient;
    }
}
