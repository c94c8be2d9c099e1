package io.olmp.prune;

import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.model.ReferenceTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** A LeNet-300-100 briefly trained on the 300 real digits of the committed npm fixture. */
final class PruneFixtures {

    static final LabeledImages DIGITS = TestFixtures.mnistSample();
    private static MultiLayerNetwork trained;

    private PruneFixtures() {}

    static TrainSettings train() {
        return SettingsLoader.load(Optional.empty(), List.of("train.batch-size=32", "train.progress-every=1000")).train()
                .withIterations(60);
    }

    static synchronized MultiLayerNetwork trainedLenet300() {
        if (trained == null) {
            MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10), train(), 3);
            try {
                new ReferenceTrainer(train(), 9, p -> {}).train(net, DIGITS, 0, (n, i) -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            trained = net;
        }
        return trained.clone();
    }
}
