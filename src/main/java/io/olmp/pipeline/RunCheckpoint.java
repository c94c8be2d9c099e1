package io.olmp.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olmp.files.AtomicFiles;
import io.olmp.model.ModelFiles;
import io.olmp.prune.LayerMasks;
import io.olmp.result.LoopRecord;
import io.olmp.search.NcsState;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resumable state of an OLMP run, in {@code <out>/checkpoint/}:
 * <ul>
 *   <li>{@code loop-NNN-start.zip} and {@code loop-NNN-start.masks}: the model (dense W with its
 *       updater state) and masks at the start of loop NNN, written once per loop;</li>
 *   <li>{@code state.json}: the loop number, the file names above, the finished loops' records,
 *       the elapsed seconds, and the NCS state after the last completed generation (absent
 *       before generation 0), rewritten after every generation.</li>
 * </ul>
 * Every file is written to a temp file and renamed; loop files are written before the state
 * that names them, and the previous loop's files are deleted after it, so a kill at any point
 * leaves a consistent state.
 */
public final class RunCheckpoint {

    /** A run's state at the start of a loop or after a generation: loaded, or a run's first start. */
    public record State(int loop, MultiLayerNetwork model, LayerMasks masks, List<LoopRecord> finished,
                        Optional<NcsState> search, double elapsedSeconds, double loopSearchSeconds,
                        double loopSearchCpuSeconds) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private String modelFile;
    private String masksFile;
    private List<LoopRecord> finished = List.of();
    private int loop;
    private boolean done;
    private double loopSearchSeconds;
    private double loopSearchCpuSeconds;

    public RunCheckpoint(Path dir) {
        this.dir = dir;
    }

    public boolean exists() {
        return Files.isRegularFile(stateFile());
    }

    /** Starts loop {@code loop}: saves its starting model and masks and a state without search. */
    public void startLoop(int loop, MultiLayerNetwork model, LayerMasks masks, List<LoopRecord> finishedLoops,
                          double elapsedSeconds) throws IOException {
        String previousModel = modelFile;
        String previousMasks = masksFile;
        this.loop = loop;
        this.loopSearchSeconds = 0;
        this.loopSearchCpuSeconds = 0;
        this.finished = List.copyOf(finishedLoops);
        this.modelFile = String.format("loop-%03d-start.zip", loop);
        this.masksFile = String.format("loop-%03d-start.masks", loop);
        ModelFiles.save(model, dir.resolve(modelFile));
        AtomicFiles.write(dir.resolve(masksFile), masks::write);
        writeState(null, elapsedSeconds);
        if (previousModel != null && !previousModel.equals(modelFile)) {
            Files.deleteIfExists(dir.resolve(previousModel));
            Files.deleteIfExists(dir.resolve(previousMasks));
        }
    }

    /** The run ended and wrote its result: a later --resume has nothing to do. */
    public void finish(List<LoopRecord> finishedLoops, double elapsedSeconds) throws IOException {
        this.finished = List.copyOf(finishedLoops);
        this.loop = finishedLoops.size() + 1;
        this.done = true;
        writeState(null, elapsedSeconds);
    }

    /** Whether the checkpointed run has finished. */
    public boolean isFinished() throws IOException {
        return exists() && readState().path("finished").asBoolean(false);
    }

    /** ND4J wraps the EOFException of a truncated array in a RuntimeException. */
    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    private JsonNode readState() throws IOException {
        try {
            JsonNode state = JSON.readTree(stateFile().toFile());
            if (state == null) {
                throw new DamagedCheckpointException(stateFile(), "the file is empty", null);
            }
            return state;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DamagedCheckpointException(stateFile(), "not valid JSON ("
                    + DamagedCheckpointException.firstLine(e) + ")", e);
        }
    }

    /**
     * After a generation: the search state of the current loop, and the wall and CPU seconds its search has taken
     * so far over every process, so that a resumed loop reports its whole search time.
     */
    public void generationDone(NcsState search, double elapsedSeconds, double loopSearchSeconds,
                               double loopSearchCpuSeconds) throws IOException {
        this.loopSearchSeconds = loopSearchSeconds;
        this.loopSearchCpuSeconds = loopSearchCpuSeconds;
        writeState(search, elapsedSeconds);
    }

    public State load() throws IOException {
        JsonNode state = readState();
        if (!"olmp-run-checkpoint".equals(state.path("format").asText())
                || state.path("version").asInt() != 1) {
            throw new DamagedCheckpointException(stateFile(), "not an olmp run checkpoint of version 1 (\"format\""
                    + " must be \"olmp-run-checkpoint\", \"version\" 1)", null);
        }
        loop = state.path("loop").asInt();
        modelFile = state.path("model").asText();
        masksFile = state.path("masks").asText();
        List<LoopRecord> records = new ArrayList<>();
        Optional<NcsState> search;
        try {
            for (JsonNode r : state.path("finishedLoops")) {
                records.add(JSON.treeToValue(r, LoopRecord.class));
            }
            search = state.hasNonNull("search")
                    ? Optional.of(NcsState.fromJson(state.get("search").asText())) : Optional.empty();
        } catch (RuntimeException | com.fasterxml.jackson.core.JacksonException e) {
            throw new DamagedCheckpointException(stateFile(), "its finished loops or search state cannot be read ("
                    + DamagedCheckpointException.firstLine(e) + ")", e);
        }
        finished = List.copyOf(records);
        Path modelPath = dir.resolve(modelFile);
        Path masksPath = dir.resolve(masksFile);
        MultiLayerNetwork model;
        try {
            model = ModelFiles.load(modelPath);
        } catch (IOException | RuntimeException e) {
            throw new DamagedCheckpointException(modelPath, "not a readable DL4J model zip ("
                    + DamagedCheckpointException.firstLine(e) + ")", e);
        }
        LayerMasks masks;
        try (InputStream in = Files.newInputStream(masksPath)) {
            masks = LayerMasks.read(in, masksPath.toString());
        } catch (IOException | RuntimeException e) {
            throw new DamagedCheckpointException(masksPath, endsEarly(e) ? "the mask file ends early (truncated)"
                    : "not a readable mask file (" + DamagedCheckpointException.firstLine(e) + ")", e);
        }
        return new State(loop, model, masks, finished, search, state.path("elapsedSeconds").asDouble(),
                state.path("loopSearchSeconds").asDouble(0), state.path("loopSearchCpuSeconds").asDouble(0));
    }

    private void writeState(NcsState search, double elapsedSeconds) throws IOException {
        ObjectNode state = JSON.createObjectNode()
                .put("format", "olmp-run-checkpoint")
                .put("version", 1)
                .put("loop", loop)
                .put("model", modelFile)
                .put("masks", masksFile)
                .put("elapsedSeconds", elapsedSeconds)
                .put("finished", done);
        ArrayNode records = state.putArray("finishedLoops");
        finished.forEach(r -> records.add(JSON.valueToTree(r)));
        if (search != null) {
            state.put("search", search.toJson());
            state.put("loopSearchSeconds", loopSearchSeconds);
            state.put("loopSearchCpuSeconds", loopSearchCpuSeconds);
        }
        ModelFiles.writeString(stateFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    }

    private Path stateFile() {
        return dir.resolve("state.json");
    }
}
