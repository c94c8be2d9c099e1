package io.olmp.config;

/**
 * The prune-and-adjust loop ({@code olmp.prune}); see algorithm.md sections 2 and 4.
 *
 * @param baseline one of {@link #BASELINES}
 * @param adjustMode one of {@link #ADJUST_MODES}
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
        int fineSigmaFromLoop) {

    public static final java.util.List<String> BASELINES = java.util.List.of("loop-start", "reference");
    public static final java.util.List<String> ADJUST_MODES = java.util.List.of("ds", "fixed-mask");

    /** The NCS sigma of a 1-based loop. */
    public double sigmaForLoop(int loop) {
        return loop >= fineSigmaFromLoop ? fineSigma : sigma;
    }
}
