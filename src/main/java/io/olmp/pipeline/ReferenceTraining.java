package io.olmp.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olmp.config.OlmpSettings;
import io.olmp.config.TrainSettings;
import io.olmp.data.DataSplits;
import io.olmp.data.ImageSet;
import io.olmp.model.Accuracy;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.model.LayerWeights;
import io.olmp.model.ModelFiles;
import io.olmp.model.ReferenceTrainer;
import io.olmp.model.TrainingCheckpoint;
import io.olmp.model.TrainingLoop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Trains the reference model of a run, or reuses the finished one in the output folder, or
 * resumes a crashed training from its last checkpoint. Writes into {@code <out>/}:
 * {@code run.conf} (effective settings), {@code model/reference.zip} and
 * {@code model/reference.json} (metrics, data checksums, seed, fingerprint), and while training,
 * {@code checkpoint/}.
 */
public final class ReferenceTraining {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceTraining() {}

    public static ReferenceResult run(OlmpSettings settings, DataSplits splits, Path out, Consumer<String> log)
            throws IOException {
        return run(settings, splits, out, log, ReferenceTrainer::new);
    }

    /** @param trainer the training loop: {@link ReferenceTrainer} in this JVM, or one on Spark executors */
    public static ReferenceResult run(OlmpSettings settings, DataSplits splits, Path out, Consumer<String> log,
                                      TrainingLoop.Factory trainer) throws IOException {
        String fingerprint = fingerprint(settings, splits);
        Path modelZip = out.resolve("model/reference.zip");
        Path metricsFile = out.resolve("model/reference.json");
        Optional<ReferenceResult> finished = finished(metricsFile, modelZip, fingerprint, settings.train().iterations());
        if (finished.isPresent()) {
            log.accept("reference: reusing " + modelZip + " (same settings, already trained)");
            return finished.get();
        }
        ModelFiles.writeString(out.resolve("run.conf"), settings.rendered());

        TrainingCheckpoint checkpoint = new TrainingCheckpoint(out.resolve("checkpoint"), fingerprint);
        Optional<TrainingCheckpoint.Saved> saved = checkpoint.load();
        MultiLayerNetwork net;
        long start;
        if (saved.isPresent()) {
            net = saved.get().net();
            start = saved.get().iterationsDone();
            if (start > settings.train().iterations()) {
                throw new io.olmp.config.SettingsException(out + " holds a training checkpoint at iteration " + start
                        + ", beyond olmp.train.iterations = " + settings.train().iterations()
                        + "; raise the iterations or choose another --out");
            }
            log.accept("reference: resuming from checkpoint at iteration " + start);
        } else {
            net = Architectures.build(settings.model().architecture(), inputShape(splits.train()), settings.train(),
                    settings.seeds().weightInit());
            start = 0;
        }
        log.accept(String.format("model: %s  %,d parameters, %,d prunable weights in layers %s",
                settings.model().architecture(), net.numParams(), LayerWeights.total(net), LayerWeights.sizes(net)));

        TrainSettings train = settings.train();
        log.accept(String.format("train: %,d iterations of batch %d (SGD, lr %s %s, momentum %s, weight decay %s)",
                train.iterations(), train.batchSize(), train.learningRate(), train.lrPolicy(), train.momentum(),
                train.weightDecay()));
        long t0 = System.nanoTime();
        trainer.create(train, settings.seeds().batchOrder(), p -> log.accept(formatProgress(p)))
                .train(net, splits.train(), start, checkpoint::save);
        double seconds = (System.nanoTime() - t0) / 1e9;

        ReferenceAccuracy.Counts counts = ReferenceAccuracy.of(net, splits, out, log);
        Accuracy.Count validation = counts.validation();
        Accuracy.Count test = counts.test();
        ModelFiles.save(net, modelZip);
        ModelFiles.writeString(metricsFile, metricsJson(settings, splits, fingerprint, seconds, start, validation, test));
        checkpoint.clear();
        log.accept(String.format("reference: validation accuracy %.4f (%d/%d)  test accuracy %.4f (%d/%d)  trained in %.0f s",
                validation.fraction(), validation.correct(), validation.total(), test.fraction(), test.correct(),
                test.total(), seconds));
        log.accept("reference: saved " + modelZip);
        return new ReferenceResult(modelZip, settings.model().architecture(), settings.data().source(),
                train.iterations(), validation.fraction(), test.fraction(), seconds, false);
    }

    public static InputShape inputShape(ImageSet images) {
        return new InputShape(images.channels(), images.height(), images.width(), images.numClasses());
    }

    static String formatProgress(ReferenceTrainer.Progress p) {
        return String.format("train  iter %,7d/%,d  loss %.4f  %,8.0f img/s  ETA %s",
                p.iteration(), p.totalIterations(), p.loss(), p.imagesPerSecond(), duration(p.etaSeconds()));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static Optional<ReferenceResult> finished(Path metricsFile, Path modelZip, String fingerprint, long iterations)
            throws IOException {
        if (!Files.isRegularFile(metricsFile) || !Files.isRegularFile(modelZip)) {
            return Optional.empty();
        }
        JsonNode m = JSON.readTree(metricsFile.toFile());
        if (!fingerprint.equals(m.path("fingerprint").asText()) || m.path("iterations").asLong() != iterations) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceResult(modelZip, m.path("architecture").asText(), m.path("dataSource").asText(),
                iterations, m.path("validationAccuracy").asDouble(), m.path("testAccuracy").asDouble(),
                m.path("trainSeconds").asDouble(), true));
    }

    private static String metricsJson(OlmpSettings settings, DataSplits splits, String fingerprint, double seconds,
                                      long resumedFrom, Accuracy.Count validation, Accuracy.Count test) throws IOException {
        ObjectNode m = JSON.createObjectNode()
                .put("format", "olmp-reference")
                .put("version", 1)
                .put("architecture", settings.model().architecture())
                .put("dataSource", settings.data().source())
                .put("seed", settings.seed())
                .put("iterations", settings.train().iterations())
                .put("resumedFromIteration", resumedFrom)
                .put("trainSeconds", seconds)
                .put("validationAccuracy", validation.fraction())
                .put("validationCorrect", validation.correct())
                .put("validationTotal", validation.total())
                .put("testAccuracy", test.fraction())
                .put("testCorrect", test.correct())
                .put("testTotal", test.total())
                .put("fingerprint", fingerprint)
                .put("java", System.getProperty("java.version"))
                .put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode sums = m.putObject("dataSha256");
        new TreeMap<>(splits.sha256ByFile()).forEach(sums::put);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
    }

    /** What makes two trainings the same: architecture, data, SGD settings and seed (not the length). */
    static String fingerprint(OlmpSettings s, DataSplits splits) {
        TrainSettings t = s.train();
        String text = String.join("|", s.model().architecture(), s.data().toString(),
                new TreeMap<>(splits.sha256ByFile()).toString(), Long.toString(s.seed()),
                Integer.toString(t.batchSize()), Double.toString(t.learningRate()), t.lrPolicy(),
                Double.toString(t.lrGamma()), Double.toString(t.lrPower()), Integer.toString(t.lrStepSize()),
                Double.toString(t.momentum()), Double.toString(t.weightDecay()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
