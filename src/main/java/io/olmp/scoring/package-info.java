/**
 * Scoring threshold candidates: the seam between the search and whatever counts predictions. A
 * {@link io.olmp.scoring.ShardCounter} counts correct validation predictions for a list of threshold sets (in this
 * JVM, or on Spark executors in {@code io.olmp.distributed}); a {@link io.olmp.scoring.ThresholdScorer} turns the
 * counts into results and, for the search, into objective values, handing each generation to its listener as a
 * {@link io.olmp.scoring.ScoredGeneration}. Imports prune, data and search; never pipeline, distributed, report or
 * cli.
 */
package io.olmp.scoring;
