package io.olmp.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olmp.data.DataSplits;
import io.olmp.model.Accuracy;
import io.olmp.model.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The reference model's validation and test counts, kept in {@code <out>/reference-accuracy.json} under a key over
 * the model's parameters and the data read, so that a run scores its reference once: reference training counts it,
 * and the pruning run that starts next, and each resume, reuse the counts (AlexNet on 15,000 images takes about 13
 * minutes on two cores). A missing, unreadable or foreign file is counted again.
 */
final class ReferenceAccuracy {

    static final String FILE = "reference-accuracy.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Counts(Accuracy.Count validation, Accuracy.Count test) {}

    private ReferenceAccuracy() {}

    static Counts of(MultiLayerNetwork net, DataSplits splits, Path out, Consumer<String> log) throws IOException {
        String key = key(net, splits);
        Path file = out.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                var node = JSON.readTree(file.toFile());
                if (key.equals(node.path("key").asText())) {
                    return new Counts(count(node.get("validation")), count(node.get("test")));
                }
            } catch (IOException | RuntimeException e) {
                log.accept(file + ": unreadable (" + e.getMessage() + "); counting the reference's accuracy again");
            }
        }
        Counts counts = new Counts(Accuracy.count(net, splits.validation(), log), Accuracy.count(net, splits.test(), log));
        ObjectNode node = JSON.createObjectNode().put("key", key);
        node.putObject("validation").put("correct", counts.validation().correct()).put("total", counts.validation().total());
        node.putObject("test").put("correct", counts.test().correct()).put("total", counts.test().total());
        ModelFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        return counts;
    }

    private static Accuracy.Count count(com.fasterxml.jackson.databind.JsonNode node) {
        return new Accuracy.Count(node.get("correct").asLong(), node.get("total").asLong());
    }

    /** SHA-256 over the parameters' bytes, the split sizes and the data files' SHA-256. */
    static String key(MultiLayerNetwork net, DataSplits splits) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        INDArray params = net.params();
        ByteBuffer bytes = params.data().asNio().duplicate();
        long elementBytes = params.data().getElementSize();
        bytes.position((int) (params.offset() * elementBytes)).limit((int) ((params.offset() + params.length()) * elementBytes));
        digest.update(bytes);
        Map<String, String> data = new TreeMap<>(splits.sha256ByFile());
        String text = splits.train().count() + " " + splits.validation().count() + " " + splits.test().count() + " " + data;
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }
}
