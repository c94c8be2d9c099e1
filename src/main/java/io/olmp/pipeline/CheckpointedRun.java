package io.olmp.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olmp.config.OlmpSettings;
import io.olmp.data.DataSplits;
import io.olmp.model.Accuracy;
import io.olmp.model.LayerWeights;
import io.olmp.model.ModelFiles;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.MagnitudePruner;
import io.olmp.search.NcsState;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an OLMP run ({@link OlmpPipeline}) and a baseline ({@code io.olmp.baseline}) do around their
 * loops: score the reference, start from the checkpoint in {@code <out>/checkpoint/} or from the
 * reference, write the checkpoint with the seconds the run has taken, and at the end save the
 * final model W * M as {@code <out>/model/pruned.zip}, write {@code <out>/result.json} and mark the
 * checkpoint finished. The loops prune and adjust its {@link #model()} and {@link #masks()} in place.
 */
public final class CheckpointedRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final OlmpSettings settings;
    private final DataSplits splits;
    private final Path out;
    private final long wallStart;
    private final Accuracy.Count referenceValidation;
    private final Accuracy.Count referenceTest;
    private final RunCheckpoint checkpoint;
    private final boolean resumed;
    private final int firstLoop;
    private final Optional<NcsState> resumedSearch;
    private final MultiLayerNetwork model;
    private final LayerMasks masks;
    private final List<LoopRecord> finishedLoops;
    private final double elapsedBefore;

    private CheckpointedRun(OlmpSettings settings, DataSplits splits, Path out, long wallStart,
                            Accuracy.Count referenceValidation, Accuracy.Count referenceTest,
                            RunCheckpoint checkpoint, boolean resumed, RunCheckpoint.State start) {
        this.settings = settings;
        this.splits = splits;
        this.out = out;
        this.wallStart = wallStart;
        this.referenceValidation = referenceValidation;
        this.referenceTest = referenceTest;
        this.checkpoint = checkpoint;
        this.resumed = resumed;
        this.firstLoop = start.loop();
        this.resumedSearch = start.search();
        this.model = start.model();
        this.masks = start.masks();
        this.finishedLoops = new ArrayList<>(start.finished());
        this.elapsedBefore = start.elapsedSeconds();
    }

    /**
     * Scores {@code reference} on the validation and test splits, then loads the checkpoint under
     * {@code out}; without one, the run starts at loop 1 from a copy of the reference with every weight kept.
     */
    public static CheckpointedRun open(OlmpSettings settings, DataSplits splits, Path out,
                                       MultiLayerNetwork reference) throws IOException {
        long wallStart = System.nanoTime();
        Accuracy.Count referenceValidation = Accuracy.count(reference, splits.validation());
        Accuracy.Count referenceTest = Accuracy.count(reference, splits.test());
        RunCheckpoint checkpoint = new RunCheckpoint(out.resolve("checkpoint"));
        boolean resumed = checkpoint.exists();
        RunCheckpoint.State start = resumed ? checkpoint.load() : firstStart(reference);
        return new CheckpointedRun(settings, splits, out, wallStart, referenceValidation, referenceTest, checkpoint,
                resumed, start);
    }

    private static RunCheckpoint.State firstStart(MultiLayerNetwork reference) {
        MultiLayerNetwork model = reference.clone();
        return new RunCheckpoint.State(1, model, LayerMasks.allKept(model), List.of(), Optional.empty(), 0);
    }

    /** Whether the run goes on from a checkpoint. */
    public boolean resumed() {
        return resumed;
    }

    /** The first loop this process runs. */
    public int firstLoop() {
        return firstLoop;
    }

    /** The search of {@link #firstLoop()} after its last checkpointed generation; empty if it has not begun. */
    public Optional<NcsState> resumedSearch() {
        return resumedSearch;
    }

    /** The model W (dense), which the loops adjust in place. */
    public MultiLayerNetwork model() {
        return model;
    }

    /** The masks M, which the loops prune in place. */
    public LayerMasks masks() {
        return masks;
    }

    /** The loops finished so far, resumed ones included (a read-only view). */
    public List<LoopRecord> finishedLoops() {
        return Collections.unmodifiableList(finishedLoops);
    }

    public Accuracy.Count referenceValidation() {
        return referenceValidation;
    }

    /** Checkpoints the start of {@code loop}: the model, the masks and the loops finished before it. */
    public void startLoop(int loop) throws IOException {
        checkpoint.startLoop(loop, model, masks, finishedLoops, elapsedSeconds());
    }

    /** Checkpoints the current loop's search after a generation. */
    public void generationDone(NcsState search) throws IOException {
        checkpoint.generationDone(search, elapsedSeconds());
    }

    /** Adds a finished loop to the checkpoint's next write and to the result. */
    public void loopDone(LoopRecord record) {
        finishedLoops.add(record);
    }

    /**
     * Scores and saves the final model W * M, writes {@code result.json} and marks the checkpoint
     * finished, so that a later resume has nothing to do.
     *
     * @param method as in {@link RunResult#method()}
     * @param loops  the loops the result reports
     */
    public RunResult finish(String method, int loops) throws IOException {
        MultiLayerNetwork finalModel = model.clone();
        MagnitudePruner.applyInPlace(finalModel, masks);
        Accuracy.Count finalValidation = Accuracy.count(finalModel, splits.validation());
        Accuracy.Count finalTest = Accuracy.count(finalModel, splits.test());
        ModelFiles.save(finalModel, out.resolve("model/pruned.zip"));
        Map<String, Long> kept = LayerWeights.nonZero(finalModel);
        Map<String, Long> sizes = LayerWeights.sizes(finalModel);
        long keptTotal = kept.values().stream().mapToLong(Long::longValue).sum();
        long sizeTotal = sizes.values().stream().mapToLong(Long::longValue).sum();
        RunResult result = new RunResult("olmp-result", 1, method, settings.model().architecture(),
                settings.data().source(), settings.seed(), loops,
                keptTotal == 0 ? 0 : (double) sizeTotal / keptTotal, (double) keptTotal / sizeTotal, kept, sizes,
                referenceValidation.fraction(), referenceTest.fraction(), finalValidation.fraction(),
                finalTest.fraction(), settings.prune().delta(),
                finishedLoops.stream().mapToLong(LoopRecord::evaluations).sum(), elapsedSeconds(), finishedLoops);
        ModelFiles.writeString(out.resolve("result.json"), JSON.writeValueAsString(result));
        checkpoint.finish(finishedLoops, result.wallSeconds());
        return result;
    }

    /** Seconds the run has taken, over every process that ran it. */
    private double elapsedSeconds() {
        return elapsedBefore + (System.nanoTime() - wallStart) / 1e9;
    }
}
