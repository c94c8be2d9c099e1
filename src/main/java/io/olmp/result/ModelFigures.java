package io.olmp.result;

/**
 * The size and accuracies of one model a run can deliver: the reference (loop 0) or a loop's end.
 *
 * @param loop             0 for the reference, else the loop (or baseline step) whose end model it is
 * @param compressionRatio weights / non-zero weights
 * @param kept             non-zero weights
 */
public record ModelFigures(int loop, double compressionRatio, long kept, double validationAccuracy,
                           double testAccuracy) {

    public static ModelFigures of(LoopRecord r) {
        return new ModelFigures(r.loop(), r.compressionRatio(), r.kept(), r.validationAccuracy(), r.testAccuracy());
    }
}
