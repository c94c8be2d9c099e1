package io.olmp.pipeline;

import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsException;
import io.olmp.data.DataSplits;
import io.olmp.data.ImageSet;
import io.olmp.data.StreamedImages;
import io.olmp.model.Architectures;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;

/**
 * What a run or baseline checks before its long work (reference training, search), so that a setting or input
 * that would fail later fails at once, with the key or file and the rule, before anything is written.
 */
public final class RunPreflight {

    /** A candidate's scoring holds a masked copy of the parameters and its work buffers: about twice the floats. */
    private static final int BYTES_PER_PARAMETER_PER_CANDIDATE = 2 * Float.BYTES;

    private RunPreflight() {}

    /** The loaded data and the training settings that depend on it (what {@code olmp train} needs). */
    public static void checkTraining(OlmpSettings settings, DataSplits splits) {
        nonEmpty(splits.train(), "train");
        nonEmpty(splits.validation(), "validation");
        nonEmpty(splits.test(), "test");
        int batch = settings.train().batchSize();
        if (batch > splits.train().count()) {
            throw new SettingsException(String.format("olmp.train.batch-size = %d exceeds the %,d images of the train"
                    + " split (%s): lower it, or give more training data", batch, splits.train().count(),
                    settings.data().source()));
        }
    }

    /** The loaded data and the settings that depend on it: training's, and the search's memory. */
    public static void checkData(OlmpSettings settings, DataSplits splits) {
        checkTraining(settings, splits);
        if (settings.scoring().shardStorage().equals("image-files") && !(splits.validation() instanceof StreamedImages)) {
            throw new SettingsException("olmp.scoring.shard-storage = image-files: executors can read image files"
                    + " only when olmp.data.source = image-folders, not " + settings.data().source()
                    + "; use broadcast or files");
        }
        long parameters = parameters(settings, splits.train());
        long perCandidate = parameters * BYTES_PER_PARAMETER_PER_CANDIDATE;
        long budget = Runtime.getRuntime().maxMemory() + Math.max(0, offHeapLimit());
        long population = settings.search().population();
        if (population > budget / 2 / perCandidate) {
            throw new SettingsException(String.format("olmp.search.population = %,d: too large for this JVM: %s with"
                    + " %,d parameters needs about %,d MiB per candidate of a generation, and the heap (-Xmx) plus"
                    + " ND4J's off-heap limit give %,d MiB; at most %,d candidates fit (set OLMP_JAVA_OPTS=-Xmx... for"
                    + " more)", population, settings.model().architecture(), parameters, perCandidate >> 20,
                    budget >> 20, budget / 2 / perCandidate));
        }
    }

    private static void nonEmpty(ImageSet images, String split) {
        if (images.count() == 0) {
            throw new SettingsException("the " + split + " split is empty: a run needs at least one " + split
                    + " image (check olmp.data)");
        }
    }

    private static long parameters(OlmpSettings settings, ImageSet images) {
        MultiLayerConfiguration conf = Architectures.configuration(settings.model().architecture(),
                ReferenceTraining.inputShape(images), settings.train(), settings.seed());
        long total = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            total += layer.getLayer().initializer().numParams(layer);
        }
        return total;
    }

    private static long offHeapLimit() {
        try {
            return org.bytedeco.javacpp.Pointer.maxBytes();
        } catch (LinkageError e) {
            return 0;
        }
    }
}
