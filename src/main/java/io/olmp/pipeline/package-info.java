/**
 * Runs the work end to end: data preparation ({@link io.olmp.pipeline.DataPreparation}), the
 * reference model ({@link io.olmp.pipeline.ReferenceTraining}: train, checkpoint, resume,
 * evaluate, save), the OLMP loop ({@link io.olmp.pipeline.OlmpPipeline}: NCS search, prune,
 * adjust, with per-generation checkpoints in {@link io.olmp.pipeline.RunCheckpoint}), the
 * in-process {@link io.olmp.pipeline.LocalEvaluator}, and the scoring benchmark. Imports config,
 * data, model, prune and search; the CLI is its only caller.
 */
package io.olmp.pipeline;
