package io.olmp.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which model a run delivers: the most compressed loop end whose validation accuracy is at least the
 * reference's minus the tolerance (in accuracy points), else the reference itself. Only validation accuracy
 * decides; test accuracy is reported, never used to choose. Ties in compression go to the higher validation
 * accuracy, then to the earlier loop.
 */
public final class Delivery {

    /** Accuracies are ratios of counts over the same split; this only absorbs the rounding of tolerance / 100. */
    private static final double EPSILON = 1e-12;

    private Delivery() {}

    /**
     * @param reference      the reference's figures (loop 0)
     * @param loops          every loop end the run kept, in order
     * @param tolerancePoints accuracy points the delivered validation accuracy may lie below the reference's
     */
    public static ModelFigures choose(ModelFigures reference, List<ModelFigures> loops, double tolerancePoints) {
        double floor = reference.validationAccuracy() - tolerancePoints / 100.0 - EPSILON;
        Optional<ModelFigures> best = loops.stream()
                .filter(l -> l.validationAccuracy() >= floor)
                .max(Comparator.comparingDouble(ModelFigures::compressionRatio)
                        .thenComparingDouble(ModelFigures::validationAccuracy)
                        .thenComparing(Comparator.comparingInt(ModelFigures::loop).reversed()));
        return best.filter(l -> l.compressionRatio() > reference.compressionRatio()).orElse(reference);
    }

    /** One line saying what was delivered and why. */
    public static String describe(ModelFigures delivered, ModelFigures last, ModelFigures reference,
                                  double tolerancePoints) {
        String rule = String.format("validation >= reference %.4f - %s points", reference.validationAccuracy(),
                trim(tolerancePoints));
        if (delivered.loop() == 0) {
            return String.format("delivered: the REFERENCE model: no loop end met %s (last loop %d: %.1fx, "
                    + "validation %.4f, test %.4f)", rule, last.loop(), last.compressionRatio(),
                    last.validationAccuracy(), last.testAccuracy());
        }
        return String.format("delivered: loop %d, %.1fx, validation %.4f, test %.4f (%s; last loop %d: %.1fx, "
                        + "validation %.4f, test %.4f)", delivered.loop(), delivered.compressionRatio(),
                delivered.validationAccuracy(), delivered.testAccuracy(), rule, last.loop(), last.compressionRatio(),
                last.validationAccuracy(), last.testAccuracy());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
