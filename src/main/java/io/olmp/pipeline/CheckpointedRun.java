package io.olmp.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olmp.config.OlmpSettings;
import io.olmp.files.AtomicFiles;
import io.olmp.data.DataSplits;
import io.olmp.model.Accuracy;
import io.olmp.model.LayerWeights;
import io.olmp.model.ModelFiles;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.MagnitudePruner;
import io.olmp.result.Delivery;
import io.olmp.result.LoopRecord;
import io.olmp.result.ModelFigures;
import io.olmp.result.RunResult;
import io.olmp.search.NcsState;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an OLMP run ({@link OlmpPipeline}) and a baseline ({@code io.olmp.baseline}) do around their
 * loops: score the reference, start from the checkpoint in {@code <out>/checkpoint/} or from the
 * reference, write the checkpoint with the seconds the run has taken, keep every loop's end model W * M
 * as {@code <out>/model/loops/loop-NNN.zip} (loop 000 is the reference), optionally retrain the last
 * masks ({@link PruneAndAdjust#finalRetraining}), and at the end deliver the model {@link Delivery} chooses as
 * {@code <out>/model/pruned.zip}, write {@code <out>/result.json} and mark the checkpoint finished.
 * The loops prune and adjust its {@link #model()} and {@link #masks()} in place.
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
    private final double resumedSearchSeconds;
    private final double resumedSearchCpuSeconds;

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
        this.resumedSearchSeconds = start.search().isPresent() ? start.loopSearchSeconds() : 0;
        this.resumedSearchCpuSeconds = start.search().isPresent() ? start.loopSearchCpuSeconds() : 0;
    }

    /**
     * Scores {@code reference} on the validation and test splits, then loads the checkpoint under
     * {@code out}; without one, the run starts at loop 1 from a copy of the reference with every weight kept.
     */
    public static CheckpointedRun open(OlmpSettings settings, DataSplits splits, Path out,
                                       MultiLayerNetwork reference, java.util.function.Consumer<String> log)
            throws IOException {
        long wallStart = System.nanoTime();
        ReferenceAccuracy.Counts referenceCounts = ReferenceAccuracy.of(reference, splits, out, log);
        Accuracy.Count referenceValidation = referenceCounts.validation();
        Accuracy.Count referenceTest = referenceCounts.test();
        RunCheckpoint checkpoint = new RunCheckpoint(out.resolve("checkpoint"));
        boolean resumed = checkpoint.exists();
        RunCheckpoint.State start = resumed ? checkpoint.load() : firstStart(reference);
        Path referenceCopy = loopModel(out, 0);
        if (!Files.isRegularFile(referenceCopy)) {
            ModelFiles.save(reference, referenceCopy);
        }
        return new CheckpointedRun(settings, splits, out, wallStart, referenceValidation, referenceTest, checkpoint,
                resumed, start);
    }

    private static RunCheckpoint.State firstStart(MultiLayerNetwork reference) {
        MultiLayerNetwork model = reference.clone();
        return new RunCheckpoint.State(1, model, LayerMasks.allKept(model), List.of(), Optional.empty(), 0, 0, 0);
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

    /**
     * Checkpoints the current loop's search after a generation, with the wall and CPU seconds its search has
     * taken so far (over every process, {@link #resumedSearchSeconds()} included).
     */
    public void generationDone(NcsState search, double loopSearchSeconds, double loopSearchCpuSeconds)
            throws IOException {
        checkpoint.generationDone(search, elapsedSeconds(), loopSearchSeconds, loopSearchCpuSeconds);
    }

    /** Wall seconds the resumed search of {@link #firstLoop()} took in earlier processes (0 if none). */
    public double resumedSearchSeconds() {
        return resumedSearchSeconds;
    }

    /** CPU seconds the resumed search of {@link #firstLoop()} took in earlier processes (0 if none). */
    public double resumedSearchCpuSeconds() {
        return resumedSearchCpuSeconds;
    }

    /** Where a run keeps the end model W * M of loop {@code loop}; loop 0 is the reference. */
    public static Path loopModel(Path out, int loop) {
        return out.resolve(String.format("model/loops/loop-%03d.zip", loop));
    }

    /**
     * Keeps the loop's end model W * M (the current model and masks) for delivery, then adds the loop to the
     * checkpoint's next write and to the result.
     */
    public void loopDone(LoopRecord record) throws IOException {
        ModelFiles.save(effectiveModel(), loopModel(out, record.loop()));
        finishedLoops.add(record);
    }

    private MultiLayerNetwork effectiveModel() {
        return MagnitudePruner.prunedCopy(model, masks);
    }

    /**
     * Delivers the model {@link Delivery} chooses among the reference and the loop ends kept so far (copied to
     * {@code model/pruned.zip}), writes {@code result.json} and marks the checkpoint finished, so that a later
     * resume has nothing to do.
     *
     * @param method as in {@link RunResult#method()}
     * @param loops  the loops the result reports
     */
    public RunResult finish(String method, int loops, java.util.function.Consumer<String> log) throws IOException {
        Path lastModel = loopModel(out, finishedLoops.isEmpty() ? 0 : finishedLoops.get(finishedLoops.size() - 1).loop());
        if (!Files.isRegularFile(lastModel)) {
            ModelFiles.save(effectiveModel(), lastModel); // a run checkpointed before loop ends were kept
        }
        Map<String, Long> sizes = LayerWeights.sizes(model);
        RunResult result = deliver(new RunResult("olmp-result", 1, method, settings.model().architecture(),
                settings.data().source(), settings.seed(), loops, 1, 1, sizes, sizes,
                referenceValidation.fraction(), referenceTest.fraction(), referenceValidation.fraction(),
                referenceTest.fraction(), settings.prune().delta(),
                finishedLoops.stream().mapToLong(LoopRecord::evaluations).sum(), elapsedSeconds(), finishedLoops,
                settings.prune().finalTolerance(), null, null), settings.prune().finalTolerance(), out);
        log.accept(Delivery.describe(result.delivered(), result.lastLoop(), result.referenceFigures(),
                result.finalTolerance()));
        if (result.deliversReference()) {
            log.accept("delivered: to choose a pruned loop end within a tolerance of T accuracy points, without"
                    + " searching again: olmp select " + out + " --final-tolerance T");
        }
        checkpoint.finish(finishedLoops, result.wallSeconds());
        return result;
    }

    /**
     * Chooses the delivered model of a result among its reference and its loop ends with {@code tolerancePoints},
     * copies that model's kept file to {@code <out>/model/pruned.zip} and writes {@code <out>/result.json}.
     */
    public static RunResult deliver(RunResult result, double tolerancePoints, Path out) throws IOException {
        ModelFigures reference = result.referenceFigures();
        List<ModelFigures> ends = result.loopRecords().stream().map(ModelFigures::of).toList();
        ModelFigures delivered = Delivery.choose(reference, ends, tolerancePoints);
        ModelFigures last = ends.isEmpty() ? reference : ends.get(ends.size() - 1);
        Path source = loopModel(out, delivered.loop());
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + " is missing: the delivered model of loop " + delivered.loop()
                    + " was not kept, so it cannot be delivered");
        }
        AtomicFiles.write(out.resolve("model/pruned.zip"), o -> Files.copy(source, o));
        Map<String, Long> sizes = result.sizeByLayer();
        Map<String, Long> kept = delivered.loop() == 0 ? sizes
                : result.loopRecords().stream().filter(r -> r.loop() == delivered.loop()).findFirst().orElseThrow()
                .keptByLayer();
        RunResult chosen = new RunResult(result.format(), result.version(), result.method(), result.architecture(),
                result.dataSource(), result.seed(), result.loops(), delivered.compressionRatio(),
                1 / delivered.compressionRatio(), kept, sizes, result.referenceValidationAccuracy(),
                result.referenceTestAccuracy(), delivered.validationAccuracy(), delivered.testAccuracy(), result.delta(),
                result.evaluations(), result.wallSeconds(), result.loopRecords(), tolerancePoints, delivered, last);
        ModelFiles.writeString(out.resolve("result.json"), JSON.writeValueAsString(chosen));
        return chosen;
    }

    /** Seconds the run has taken, over every process that ran it. */
    private double elapsedSeconds() {
        return elapsedBefore + (System.nanoTime() - wallStart) / 1e9;
    }
}
