/**
 * Layer-wise magnitude pruning (docs/method.md, Layer-wise magnitude pruning): thresholds keyed by layer name
 * ({@link io.olmp.prune.LayerThresholds}), the percent-per-layer codec that maps a search vector
 * to thresholds ({@link io.olmp.prune.ThresholdCodec}, {@link io.olmp.prune.PercentileCodec}),
 * masks ({@link io.olmp.prune.LayerMasks}, {@link io.olmp.prune.MagnitudePruner}), sparsity,
 * the constrained objective ({@link io.olmp.prune.Objective}) and the
 * {@link io.olmp.prune.CandidateScorer} that counts correct predictions of many candidates in one
 * pass over a shard, and the {@link io.olmp.prune.Adjuster} that retrains a pruned network (DS
 * through {@link io.olmp.prune.MaskedWeightNoise}, or fixed masks). Depends on DL4J/ND4J, the model
 * and data packages and the adjusting settings of config; never on Spark.
 */
package io.olmp.prune;
