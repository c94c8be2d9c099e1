package io.olmp.config;

/**
 * The magnitude-pruning baselines ({@code olmp.baseline}; {@code olmp baseline}): at every step
 * the kept weights may shrink by {@code keptFactor^j} for j = 1..{@code rungs}, and the step takes
 * the smallest such size that still meets the accuracy constraint of {@code olmp.prune}.
 *
 * @param keptFactor the ratio between two neighbouring sizes a step tries, in (0, 1)
 * @param rungs      how many sizes a step tries
 */
public record BaselineSettings(double keptFactor, int rungs) {}
