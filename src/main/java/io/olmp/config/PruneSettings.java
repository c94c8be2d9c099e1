package io.olmp.config;

/**
 * The prune-and-adjust loop ({@code olmp.prune}); see docs/method.md, The prune-and-adjust loop.
 *
 * @param baseline one of {@link #BASELINES}
 * @param adjustMode one of {@link #ADJUST_MODES}
 * @param adjustSolver whether each adjusting restarts the solver or continues it
 * @param finalAdjustIterations fixed-mask retraining iterations after the last loop (0 = none)
 * @param finalTolerance accuracy points (0.1 = 0.1 %) the delivered model's validation accuracy may lie below the
 *     reference's; the delivered model is the most compressed loop end within it, else the reference
 */
public record PruneSettings(
        int loops,
        double delta,
        String baseline,
        int adjustIterations,
        String adjustMode,
        double spliceFactor,
        int maskRefreshEvery,
        double sigma,
        double fineSigma,
        int fineSigmaFromLoop,
        AdjustSolver adjustSolver,
        int finalAdjustIterations,
        double finalTolerance) {

    public static final java.util.List<String> BASELINES = java.util.List.of("loop-start", "reference");
    public static final java.util.List<String> ADJUST_MODES = java.util.List.of("ds", "fixed-mask");

    /** The settings of the final retraining: {@code finalAdjustIterations} fixed-mask iterations. */
    public PruneSettings forFinalRetraining() {
        return new PruneSettings(loops, delta, baseline, finalAdjustIterations, "fixed-mask", spliceFactor,
                maskRefreshEvery, sigma, fineSigma, fineSigmaFromLoop, adjustSolver, finalAdjustIterations,
                finalTolerance);
    }

    /** The NCS sigma of a 1-based loop. */
    public double sigmaForLoop(int loop) {
        return loop >= fineSigmaFromLoop ? fineSigma : sigma;
    }
}
