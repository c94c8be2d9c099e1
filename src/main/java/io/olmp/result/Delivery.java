package io.olmp.result;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

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
        return mostCompressed(loops, ModelFigures::validationAccuracy, reference.validationAccuracy(), tolerancePoints)
                .filter(l -> l.compressionRatio() > reference.compressionRatio()).orElse(reference);
    }

    /**
     * The most compressed of {@code loops} whose {@code accuracy} is at least {@code referenceAccuracy} minus
     * {@code tolerancePoints} accuracy points; ties go to the higher accuracy, then to the earlier loop. The
     * delivery rule applies it to validation accuracy; reports use it on test accuracy to show a frontier.
     */
    public static Optional<ModelFigures> mostCompressed(List<ModelFigures> loops, ToDoubleFunction<ModelFigures> accuracy,
                                                        double referenceAccuracy, double tolerancePoints) {
        double floor = referenceAccuracy - tolerancePoints / 100.0 - EPSILON;
        return loops.stream()
                .filter(l -> accuracy.applyAsDouble(l) >= floor)
                .max(Comparator.comparingDouble(ModelFigures::compressionRatio)
                        .thenComparingDouble(accuracy)
                        .thenComparing(Comparator.comparingInt(ModelFigures::loop).reversed()));
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
