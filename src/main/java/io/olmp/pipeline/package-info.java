/**
 * Runs the work end to end: data preparation ({@link io.olmp.pipeline.DataPreparation}), the
 * reference model ({@link io.olmp.pipeline.ReferenceTraining}: train, checkpoint, resume,
 * evaluate, save), the OLMP loop ({@link io.olmp.pipeline.OlmpPipeline}: NCS search, prune,
 * adjust, with per-generation checkpoints in {@link io.olmp.pipeline.RunCheckpoint}), what the
 * OLMP loop and the baselines do around their loops ({@link io.olmp.pipeline.CheckpointedRun}:
 * score the reference, resume, save the pruned model and {@code result.json}), the in-process
 * {@link io.olmp.pipeline.LocalEvaluator}, and the scoring benchmark. Imports config, data,
 * model, prune and search; its callers are the CLI and the baselines ({@code io.olmp.baseline}).
 */
package io.olmp.pipeline;
