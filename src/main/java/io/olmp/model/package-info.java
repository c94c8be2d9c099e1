/**
 * The networks and how they are trained: builders for LeNet-300-100, LeNet-5 (Caffe variant)
 * and AlexNet with every layer named ({@link io.olmp.model.Architectures}), the SGD solver of
 * the paper ({@link io.olmp.model.SolverFactory}), resumable reference training
 * ({@link io.olmp.model.ReferenceTrainer}), accuracy from {@code output()} + argmax
 * ({@link io.olmp.model.Accuracy}) and atomic save/load ({@link io.olmp.model.ModelFiles}).
 * Depends on DL4J/ND4J and on the data records; never on Spark.
 */
package io.olmp.model;
