package io.olmp.data;

import io.olmp.config.SettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads Caltech-256-style folders (one sub-folder per class of JPEG/PNG files) as {@link StreamedImages}.
 *
 * <p>Classes are the sorted sub-folder names of the train folder, labelled 0, 1, ... in that order; the eval
 * folder may only use those names. Files ending in .jpg, .jpeg or .png (any case) are read, in sorted order;
 * other files are ignored. Images are decoded and resized by {@link ImageDecoder}. The eval images are shuffled
 * with the seed ({@link SeededSplit}) and cut into validation first, then test.
 *
 * <p>Each split is decoded once into an 8-bit cache file ({@link ImageCacheFile}) under the spec's cache folder,
 * named by a key over the split's content, and read from there by position: the driver's memory holds the file
 * list and labels, not the pixels. A later run over the same images and sizes reuses the file.
 *
 * <p>Provenance: one SHA-256 per folder, over the lines "class/file sha256-of-file" of the files read.
 */
final class ImageFolderReader {

  private ImageFolderReader() {}

  static DataSplits load(DataSpec.ImageFolders spec, Consumer<String> log) throws IOException {
    List<String> classes = classNames(spec.trainDir());
    if (classes.isEmpty()) {
      throw new IOException(spec.trainDir() + ": no class sub-folders found (expected one folder per class)");
    }
    List<ImageFile> trainFiles = listImages(spec.trainDir(), classes, true);
    List<ImageFile> evalFiles = listImages(spec.evalDir(), classes, false);
    int[][] parts = SeededSplit.cut(evalFiles.size(), spec.splitSeed(), "image folders " + spec.evalDir(),
        spec.validationCount(), spec.testCount());
    int[] validation = parts[0];
    int[] test = parts[1];
    List<String> trainHashes = hashes(trainFiles);
    List<String> evalHashes = hashes(evalFiles);
    Map<String, String> sha256 = new LinkedHashMap<>();
    sha256.put(spec.trainDir().toString(), listingHash(spec.trainDir(), trainFiles, trainHashes));
    sha256.put(spec.evalDir().toString(), listingHash(spec.evalDir(), evalFiles, evalHashes));
    return new DataSplits(
        cached(spec, "train", trainFiles, trainHashes, classes.size(), log),
        cached(spec, "validation", pick(evalFiles, validation), pick(evalHashes, validation), classes.size(), log),
        cached(spec, "test", pick(evalFiles, test), pick(evalHashes, test), classes.size(), log),
        sha256);
  }

  private static StreamedImages cached(DataSpec.ImageFolders spec, String split, List<ImageFile> files,
      List<String> fileHashes, int classes, Consumer<String> log) throws IOException {
    byte[] key = ImageCacheFile.key(spec.channels(), spec.height(), spec.width(), classes, fileHashes, files);
    ImageCacheFile.Layout layout = new ImageCacheFile.Layout(files.size(), spec.channels(), spec.height(),
        spec.width(), classes, key);
    return ImageCacheFile.openOrBuild(ImageCacheFile.fileFor(spec.cacheDir(), split, key), layout, split, files, log);
  }

  /**
   * Refuse, before reading any, a set whose pixels cannot fit as floats in half the heap (or in one Java array),
   * naming the settings that decide its size.
   */
  static void checkFitsInMemory(String name, long images, int channels, int height, int width, long maxHeap) {
    long perImage = (long) channels * height * width * Float.BYTES;
    long bytes = images * perImage;
    if (bytes > maxHeap / 2 || images * perImage / Float.BYTES > Integer.MAX_VALUE - 8) {
      throw new SettingsException(String.format(Locale.ROOT, "image folders, %s split: %,d images of %dx%dx%d"
              + " (olmp.data.image-folders.channels, height, width) need %,d MiB as floats in memory, more than half"
              + " the heap (-Xmx %,d MiB) or one Java array. Only in-process scoring and a broadcast split hold the"
              + " validation images in memory: score on Spark with olmp.scoring.shard-storage = image-files, use"
              + " fewer images or a smaller size, or raise -Xmx (OLMP_JAVA_OPTS)", name, images, channels, height,
          width, bytes >> 20, maxHeap >> 20));
    }
  }

  private static List<String> classNames(Path root) throws IOException {
    requireDirectory(root);
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<ImageFile> listImages(Path root, List<String> classes, boolean isTrain) throws IOException {
    List<ImageFile> result = new ArrayList<>();
    for (String name : classNames(root)) {
      int label = classes.indexOf(name);
      if (label < 0) {
        throw new IOException(root.resolve(name) + ": class folder not among the " + classes.size()
            + " train classes in " + (isTrain ? root : "the train folder"));
      }
      try (Stream<Path> files = Files.list(root.resolve(name))) {
        files.filter(ImageFolderReader::isImageFile).sorted()
            .forEach(file -> result.add(new ImageFile(file.toAbsolutePath().toString(), label)));
      }
    }
    return result;
  }

  private static boolean isImageFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }

  private static List<String> hashes(List<ImageFile> files) throws IOException {
    List<String> hashes = new ArrayList<>(files.size());
    for (ImageFile file : files) {
      hashes.add(FileHashes.sha256(Path.of(file.path())));
    }
    return hashes;
  }

  /** SHA-256 over the lines "relative/path sha256", one per file, in order. */
  private static String listingHash(Path root, List<ImageFile> files, List<String> hashes) {
    StringBuilder lines = new StringBuilder();
    Path absoluteRoot = root.toAbsolutePath();
    for (int i = 0; i < files.size(); i++) {
      lines.append(absoluteRoot.relativize(Path.of(files.get(i).path())).toString().replace('\\', '/')).append(' ')
          .append(hashes.get(i)).append('\n');
    }
    return FileHashes.sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static <T> List<T> pick(List<T> items, int[] indices) {
    List<T> picked = new ArrayList<>(indices.length);
    for (int index : indices) {
      picked.add(items.get(index));
    }
    return picked;
  }

  private static void requireDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "image folder not found");
    }
  }
}
