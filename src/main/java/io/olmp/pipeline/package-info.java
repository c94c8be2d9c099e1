/**
 * Runs the work end to end: data preparation ({@link io.olmp.pipeline.DataPreparation}) and the
 * reference model ({@link io.olmp.pipeline.ReferenceTraining}: train, checkpoint, resume,
 * evaluate, save). The prune-and-adjust loop joins here. Imports config, data and model; the
 * CLI is its only caller.
 */
package io.olmp.pipeline;
