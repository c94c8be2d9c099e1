/**
 * Scoring a generation on Spark executors ({@link io.olmp.distributed.SparkShardCounters}, a
 * {@link io.olmp.scoring.ShardCounters}): the driver broadcasts the validation shards once per run ({@link io.olmp.distributed.ValidationShard}),
 * or writes them as checked files the executors read ({@link io.olmp.distributed.ShardFiles}),
 * the loop-start model once per loop ({@link io.olmp.distributed.ModelRecipe}); each generation's
 * thresholds travel in the tasks ({@link io.olmp.distributed.CandidateBatch}); every task scores all
 * candidates on its shard with the same {@link io.olmp.prune.CandidateScorer} as the in-process
 * path ({@link io.olmp.distributed.ScoreShardFunction}, a scorer borrowed from the executor's pool in
 * {@link io.olmp.distributed.ExecutorScorerCache}, bound to its GPU by
 * {@link io.olmp.distributed.GpuBinding}); the driver sums integer counts, so scores do not
 * depend on the number of executors. Also the driver's session ({@link io.olmp.distributed.SparkSessions})
 * and the master check before a run ({@link io.olmp.distributed.SparkMasters}). Imports scoring, search, prune, model, data and Spark; never pipeline.
 */
package io.olmp.distributed;
