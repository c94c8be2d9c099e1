/**
 * Negatively Correlated Search (NCS-C), the continuous search that tunes OLMP's per-layer
 * pruning percentages.
 *
 * <p>{@link io.olmp.search.Ncs} is the algorithm: an immutable step function from one
 * {@link io.olmp.search.NcsState} to the next. A generation proposes all candidates, hands them
 * to a {@link io.olmp.search.BatchEvaluator} in one batch, then updates; the search never scores
 * a candidate inside its sampling loop, so a Spark evaluator can score a whole generation at
 * once. {@link io.olmp.search.NcsParams} holds the algorithm's parameters,
 * {@link io.olmp.search.NcsState} the resumable state (with a versioned JSON form),
 * {@link io.olmp.search.GenerationListener} receives per-generation
 * {@link io.olmp.search.GenerationStats}, and {@link io.olmp.search.Termination} stops a run early.
 *
 * <p>This package imports the JDK only: no Spark, ND4J, DL4J or typesafe-config (a test
 * enforces it), so it can be tested on analytic functions and reused by any evaluator.
 */
package io.olmp.search;
