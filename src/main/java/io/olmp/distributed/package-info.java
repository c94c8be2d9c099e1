/**
 * Scoring a generation on Spark executors ({@link io.olmp.distributed.SparkEvaluator}): the
 * driver broadcasts the loop-start model once per loop ({@link io.olmp.distributed.ModelRecipe})
 * and each generation's thresholds ({@link io.olmp.distributed.CandidateBatch}); every task
 * scores all candidates on its cached validation shard ({@link io.olmp.distributed.ValidationShard})
 * with the same {@link io.olmp.prune.CandidateScorer} as the in-process path
 * ({@link io.olmp.distributed.ScoreShardFunction}, {@link io.olmp.distributed.ExecutorScorerCache});
 * the driver sums integer counts, so scores do not depend on the number of executors. Imports
 * search, prune, model, data and Spark.
 */
package io.olmp.distributed;
