package io.olmp.model;

import io.olmp.data.ImageSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Top-1 accuracy from {@code output()} + argmax, in chunks. (DL4J's {@code evaluate()} over an
 * iterator is about 15x slower for an MLP on these machines.)
 */
public final class Accuracy {

    /** Correct predictions out of a total. */
    public record Count(long correct, long total) {
        public double fraction() {
            return total == 0 ? Double.NaN : (double) correct / total;
        }

    }

    private static final int CHUNK = 1000;
    /** Pixels per chunk at most, so that AlexNet-sized images come in chunks of about 100 (64 MB). */
    private static final int CHUNK_FLOATS = 1 << 24;

    private Accuracy() {}

    public static Count count(MultiLayerNetwork net, ImageSet images) {
        long correct = 0;
        int chunk = Math.max(1, Math.min(CHUNK, CHUNK_FLOATS / images.featureLength()));
        for (int from = 0; from < images.count(); from += chunk) {
            int to = Math.min(images.count(), from + chunk);
            INDArray predicted = net.output(Batches.features(images, from, to), false).argMax(1);
            for (int i = from; i < to; i++) {
                if (predicted.getInt(i - from) == images.label(i)) {
                    correct++;
                }
            }
        }
        return new Count(correct, images.count());
    }
}
