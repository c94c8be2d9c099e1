package io.olmp.model;

import io.olmp.data.ImageSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Locale;
import java.util.function.Consumer;

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
    /**
     * Pixels per chunk at most: DL4J's workspace for one {@code output()} grows with the chunk (AlexNet's conv2
     * unfolds 70 times its input), so AlexNet-sized images go 13 at a time; MNIST digits stay at 1,000.
     */
    private static final int CHUNK_FLOATS = 1 << 21;
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    private Accuracy() {}

    public static Count count(MultiLayerNetwork net, ImageSet images) {
        return count(net, images, line -> {});
    }

    /** @param progress a line every 30 s while the count runs longer (AlexNet on thousands of images) */
    public static Count count(MultiLayerNetwork net, ImageSet images, Consumer<String> progress) {
        long correct = 0;
        int chunk = Math.max(1, Math.min(CHUNK, CHUNK_FLOATS / images.featureLength()));
        long start = System.nanoTime();
        long lastReport = start;
        for (int from = 0; from < images.count(); from += chunk) {
            int to = Math.min(images.count(), from + chunk);
            INDArray features = Batches.features(images, from, to);
            INDArray output = net.output(features, false);
            INDArray predicted = output.argMax(1);
            for (int i = from; i < to; i++) {
                if (predicted.getInt(i - from) == images.label(i)) {
                    correct++;
                }
            }
            // released now, not when the garbage collector gets to them: their off-heap buffers are large
            features.close();
            output.close();
            predicted.close();
            long now = System.nanoTime();
            if (now - lastReport > PROGRESS_NANOS && to < images.count()) {
                lastReport = now;
                double seconds = (now - start) / 1e9;
                progress.accept(String.format(Locale.ROOT, "accuracy: %s %,d / %,d images (%.0f img/s, ETA %.0f s)",
                        images.name(), to, images.count(), to / seconds, (images.count() - to) * seconds / to));
            }
        }
        return new Count(correct, images.count());
    }
}
