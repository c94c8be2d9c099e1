/**
 * Magnitude-pruning baselines for {@code olmp baseline}: global magnitude pruning (one threshold
 * over all layers), uniform layer-wise pruning (the same fraction of every layer) and LAMP
 * (Lee et al., ICLR 2021), each turning a target number of kept weights into per-layer
 * thresholds ({@link io.olmp.baseline.BaselineMethod}), run in OLMP's prune-then-adjust schedule
 * ({@link io.olmp.baseline.BaselinePipeline}) so that their {@code result.json} compares with an
 * OLMP run's.
 */
package io.olmp.baseline;
