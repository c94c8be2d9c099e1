package io.olmp.config;

/**
 * The prune-and-adjust loop ({@code olmp.prune}); see docs/method.md, The prune-and-adjust loop.
 *
 * @param baseline the accuracy each loop's constraint is measured against
 * @param adjustMode whether adjusting may splice pruned weights back (DS) or keeps the masks fixed
 * @param adjustSolver whether each adjusting restarts the solver or continues it
 * @param finalAdjustIterations fixed-mask retraining iterations after the last loop (0 = none)
 * @param finalTolerance accuracy points (0.1 = 0.1 %) the delivered model's validation accuracy may lie below the
 *     reference's; the delivered model is the most compressed loop end within it, else the reference
 */
public record PruneSettings(
        int loops,
        double delta,
        AccuracyBaseline baseline,
        int adjustIterations,
        AdjustMode adjustMode,
        double spliceFactor,
        int maskRefreshEvery,
        double sigma,
        double fineSigma,
        int fineSigmaFromLoop,
        AdjustSolver adjustSolver,
        int finalAdjustIterations,
        double finalTolerance) {

    /** The settings of the final retraining: {@code finalAdjustIterations} fixed-mask iterations. */
    public PruneSettings forFinalRetraining() {
        return new PruneSettings(loops, delta, baseline, finalAdjustIterations, AdjustMode.FIXED_MASK, spliceFactor,
                maskRefreshEvery, sigma, fineSigma, fineSigmaFromLoop, adjustSolver, finalAdjustIterations,
                finalTolerance);
    }

    /** The NCS sigma of a 1-based loop. */
    public double sigmaForLoop(int loop) {
        return loop >= fineSigmaFromLoop ? fineSigma : sigma;
    }
}
