package io.olmp.result;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an OLMP run or a baseline, written as {@code result.json}.
 *
 * @param method           how the model was pruned: olmp | global | uniform | lamp; result files
 *                         written before this field existed read as olmp
 * @param compressionRatio sum of layer sizes / sum of kept weights of the delivered model (see {@link Delivery});
 *                         like keptByLayer and the final accuracies, it describes {@code model/pruned.zip}
 * @param finalTolerance   the tolerance (accuracy points) the delivered model was chosen with
 * @param delivered        the delivered model: loop 0 is the reference; null in result files older than the guard
 * @param lastLoop         the last loop's end model (the final retraining's, if any), delivered or not
 */
public record RunResult(
        String format,
        int version,
        String method,
        String architecture,
        String dataSource,
        long seed,
        int loops,
        double compressionRatio,
        double keptFraction,
        Map<String, Long> keptByLayer,
        Map<String, Long> sizeByLayer,
        double referenceValidationAccuracy,
        double referenceTestAccuracy,
        double finalValidationAccuracy,
        double finalTestAccuracy,
        double delta,
        long evaluations,
        double wallSeconds,
        List<LoopRecord> loopRecords,
        double finalTolerance,
        ModelFigures delivered,
        ModelFigures lastLoop) {

    public static final String OLMP = "olmp";

    public RunResult {
        method = method == null ? OLMP : method;
    }

    /** The reference as a deliverable model: loop 0, dense. */
    public ModelFigures referenceFigures() {
        long size = sizeByLayer.values().stream().mapToLong(Long::longValue).sum();
        return new ModelFigures(0, 1.0, size, referenceValidationAccuracy, referenceTestAccuracy);
    }

    /** Whether no loop end met the tolerance, so the reference model itself is delivered. */
    public boolean deliversReference() {
        return delivered != null && delivered.loop() == 0;
    }

    /**
     * What {@code model/pruned.zip} is: "loop 7 of 15", "reference", or "last loop" for a result written before
     * the delivered model was chosen.
     */
    public String deliveredLabel() {
        if (delivered == null) {
            return "last loop";
        }
        return deliversReference() ? "reference" : "loop " + delivered.loop() + " of " + lastLoop.loop();
    }
}
