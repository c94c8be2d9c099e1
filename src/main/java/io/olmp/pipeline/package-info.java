/**
 * Runs the work end to end: data preparation ({@link io.olmp.pipeline.DataPreparation}), the reference model
 * ({@link io.olmp.pipeline.ReferenceTraining}: train, checkpoint, resume, evaluate, save), the OLMP loop
 * ({@link io.olmp.pipeline.OlmpPipeline}: NCS search with per-generation checkpoints in
 * {@link io.olmp.pipeline.RunCheckpoint}), the prune-and-adjust step it shares with the baselines
 * ({@link io.olmp.pipeline.PruneAndAdjust}), what every run does around its loops
 * ({@link io.olmp.pipeline.CheckpointedRun}: score the reference, resume, keep each loop's model, deliver, write
 * {@code result.json}), the run tables' recorder, and the checks before long work (folder lock, preflight, data
 * fingerprint). Counts predictions through the {@code io.olmp.scoring} seam, never through Spark directly; its
 * callers are the CLI and the baselines ({@code io.olmp.baseline}).
 */
package io.olmp.pipeline;
