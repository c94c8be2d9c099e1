package io.olmp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A resumable training state in {@code <dir>/}: {@code train-model-<n>.zip} (parameters and
 * updater state after n iterations) and {@code train-state.json} (n, the zip's name and a
 * fingerprint of the settings that made it). The new zip is written first, then the JSON is
 * atomically replaced to point at it, then the previous zip is deleted: a crash at any point
 * leaves a consistent pair.
 */
public final class TrainingCheckpoint {

    /** A checkpoint found on disk. */
    public record Saved(MultiLayerNetwork net, long iterationsDone) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final String fingerprint;

    public TrainingCheckpoint(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
    }

    public void save(MultiLayerNetwork net, long iterationsDone) throws IOException {
        Optional<String> previous = currentModelFile();
        String modelFile = "train-model-" + iterationsDone + ".zip";
        ModelFiles.save(net, dir.resolve(modelFile));
        var state = JSON.createObjectNode()
                .put("format", "olmp-train-checkpoint")
                .put("version", 1)
                .put("iterationsDone", iterationsDone)
                .put("model", modelFile)
                .put("fingerprint", fingerprint);
        ModelFiles.writeString(stateFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        if (previous.isPresent() && !previous.get().equals(modelFile)) {
            Files.deleteIfExists(dir.resolve(previous.get()));
        }
    }

    /** The last checkpoint, if any; fails if it was made with other settings. */
    public Optional<Saved> load() throws IOException {
        if (!Files.isRegularFile(stateFile())) {
            return Optional.empty();
        }
        JsonNode state = JSON.readTree(stateFile().toFile());
        if (!fingerprint.equals(state.path("fingerprint").asText())) {
            throw new IOException(stateFile() + ": this checkpoint was made with different model/data/train settings;"
                    + " use another --out directory or delete " + dir);
        }
        MultiLayerNetwork net = ModelFiles.load(dir.resolve(state.path("model").asText()));
        return Optional.of(new Saved(net, state.path("iterationsDone").asLong()));
    }

    public void clear() throws IOException {
        Optional<String> model = currentModelFile();
        if (model.isPresent()) {
            Files.deleteIfExists(dir.resolve(model.get()));
        }
        Files.deleteIfExists(stateFile());
    }

    private Optional<String> currentModelFile() throws IOException {
        if (!Files.isRegularFile(stateFile())) {
            return Optional.empty();
        }
        return Optional.of(JSON.readTree(stateFile().toFile()).path("model").asText());
    }

    private Path stateFile() {
        return dir.resolve("train-state.json");
    }
}
