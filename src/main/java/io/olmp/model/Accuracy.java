package io.olmp.model;

import io.olmp.data.LabeledImages;
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

    private Accuracy() {}

    public static Count count(MultiLayerNetwork net, LabeledImages images) {
        long correct = 0;
        for (int from = 0; from < images.count(); from += CHUNK) {
            int to = Math.min(images.count(), from + CHUNK);
            INDArray predicted = net.output(Batches.features(images, from, to), false).argMax(1);
            for (int i = from; i < to; i++) {
                if (predicted.getInt(i - from) == images.labels()[i]) {
                    correct++;
                }
            }
        }
        return new Count(correct, images.count());
    }
}
