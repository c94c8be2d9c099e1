package io.olmp.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads Caltech-256-style folders (one sub-folder per class of JPEG/PNG files) with Java ImageIO.
 *
 * <p>Classes are the sorted sub-folder names of the train folder, labelled 0, 1, ... in that order; the eval
 * folder may only use those names. Files ending in .jpg, .jpeg or .png (any case) are read, in sorted order;
 * other files are ignored. Each image is resized with bilinear interpolation (pixel centres aligned, as
 * OpenCV's INTER_LINEAR) to height x width, and kept as RGB or turned into gray with the ITU-R BT.601 weights
 * 0.299 R + 0.587 G + 0.114 B; pixels are divided by 255 and stored channel by channel (NCHW). 8-bit gray
 * images are read from their raster, bypassing Java2D's linear-gray colour conversion. The eval images are
 * shuffled with the seed ({@link SeededSplit}) and cut into validation first, then test.
 *
 * <p>Provenance: one SHA-256 per folder, over the lines "class/file sha256-of-file" of the files read.
 */
final class ImageFolderReader {

  private ImageFolderReader() {}

  static DataSplits load(DataSpec.ImageFolders spec) throws IOException {
    List<String> classes = classNames(spec.trainDir());
    if (classes.isEmpty()) {
      throw new IOException(spec.trainDir() + ": no class sub-folders found (expected one folder per class)");
    }
    List<Labeled> trainFiles = listImages(spec.trainDir(), classes, true);
    List<Labeled> evalFiles = listImages(spec.evalDir(), classes, false);
    int[][] parts = SeededSplit.cut(evalFiles.size(), spec.splitSeed(), "image folders " + spec.evalDir(),
        spec.validationCount(), spec.testCount());
    checkFitsInMemory(spec, trainFiles.size() + parts[0].length + parts[1].length, Runtime.getRuntime().maxMemory());
    Map<String, String> sha256 = new LinkedHashMap<>();
    sha256.put(spec.trainDir().toString(), FileHashes.sha256OfListing(spec.trainDir(), paths(trainFiles)));
    sha256.put(spec.evalDir().toString(), FileHashes.sha256OfListing(spec.evalDir(), paths(evalFiles)));
    return new DataSplits(read(trainFiles, spec, classes.size(), "train"),
        read(pick(evalFiles, parts[0]), spec, classes.size(), "validation"),
        read(pick(evalFiles, parts[1]), spec, classes.size(), "test"), sha256);
  }

  private record Labeled(Path file, int label) {}

  /**
   * The decoded images are held as floats; refuse, before decoding any, a set that cannot fit in half the heap
   * (or in one Java array per split), naming the settings that decide its size.
   */
  static void checkFitsInMemory(DataSpec.ImageFolders spec, long images, long maxHeap) {
    long perImage = (long) spec.channels() * spec.height() * spec.width() * Float.BYTES;
    long bytes = images * perImage;
    if (bytes > maxHeap / 2 || images * perImage / Float.BYTES > Integer.MAX_VALUE - 8) {
      throw new io.olmp.config.SettingsException(String.format(Locale.ROOT, "image folders %s and %s: %,d images of"
              + " %dx%dx%d (olmp.data.image-folders.channels, height, width) need %,d MiB as floats, more than half"
              + " the heap (-Xmx %,d MiB) or one Java array: lower the size, use fewer images, or raise -Xmx"
              + " (OLMP_JAVA_OPTS)", spec.trainDir(), spec.evalDir(), images, spec.channels(), spec.height(),
          spec.width(), bytes >> 20, maxHeap >> 20));
    }
  }

  private static List<String> classNames(Path root) throws IOException {
    requireDirectory(root);
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Labeled> listImages(Path root, List<String> classes, boolean isTrain) throws IOException {
    List<Labeled> result = new ArrayList<>();
    for (String name : classNames(root)) {
      int label = classes.indexOf(name);
      if (label < 0) {
        throw new IOException(root.resolve(name) + ": class folder not among the " + classes.size()
            + " train classes in " + (isTrain ? root : "the train folder"));
      }
      try (Stream<Path> files = Files.list(root.resolve(name))) {
        files.filter(ImageFolderReader::isImageFile).sorted().forEach(file -> result.add(new Labeled(file, label)));
      }
    }
    return result;
  }

  private static boolean isImageFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }

  private static LabeledImages read(List<Labeled> files, DataSpec.ImageFolders spec, int numClasses, String part)
      throws IOException {
    int length = spec.channels() * spec.height() * spec.width();
    long values = (long) files.size() * length;
    if (values > Integer.MAX_VALUE - 8) {
      throw new IOException(part + ": " + files.size() + " images of " + spec.channels() + "x" + spec.height() + "x"
          + spec.width() + " are " + values + " pixel values, more than one Java array holds (2^31 - 1);"
          + " loading such a folder in pieces is not supported yet");
    }
    float[] pixels = new float[(int) values];
    int[] labels = new int[files.size()];
    for (int i = 0; i < files.size(); i++) {
      float[] image = resize(decode(files.get(i).file()), spec.height(), spec.width(), spec.channels());
      System.arraycopy(image, 0, pixels, i * length, length);
      labels[i] = files.get(i).label();
    }
    return new LabeledImages(part, spec.channels(), spec.height(), spec.width(), numClasses, pixels, labels);
  }

  /** An image as R, G, B planes of 0..255 values, each height x width, row-major. */
  record Decoded(int width, int height, float[] red, float[] green, float[] blue) {}

  static Decoded decode(Path file) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": unreadable image (" + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new IOException(file + ": unreadable image (no ImageIO reader recognises its content as JPEG or PNG)");
    }
    int width = image.getWidth();
    int height = image.getHeight();
    float[][] planes = new float[3][width * height];
    Raster raster = image.getRaster();
    boolean plainGray = raster.getNumBands() == 1 && raster.getSampleModel().getSampleSize(0) == 8
        && image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = y * width + x;
        if (plainGray) {
          float gray = raster.getSample(x, y, 0);
          planes[0][at] = gray;
          planes[1][at] = gray;
          planes[2][at] = gray;
        } else {
          int rgb = image.getRGB(x, y);
          planes[0][at] = (rgb >> 16) & 0xFF;
          planes[1][at] = (rgb >> 8) & 0xFF;
          planes[2][at] = rgb & 0xFF;
        }
      }
    }
    return new Decoded(width, height, planes[0], planes[1], planes[2]);
  }

  /** Bilinear resize of decoded planes to {@code channels} planes of height x width, values divided by 255. */
  static float[] resize(Decoded decoded, int height, int width, int channels) {
    int sourceWidth = decoded.width();
    int sourceHeight = decoded.height();
    float[][] source = channels == 3
        ? new float[][] {decoded.red(), decoded.green(), decoded.blue()}
        : new float[][] {gray(decoded.red(), decoded.green(), decoded.blue())};
    float[] out = new float[channels * height * width];
    double scaleY = (double) sourceHeight / height;
    double scaleX = (double) sourceWidth / width;
    for (int y = 0; y < height; y++) {
      double sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), sourceHeight - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, sourceHeight - 1);
      double fy = sy - y0;
      for (int x = 0; x < width; x++) {
        double sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), sourceWidth - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, sourceWidth - 1);
        double fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          float[] plane = source[c];
          double top = plane[y0 * sourceWidth + x0] * (1 - fx) + plane[y0 * sourceWidth + x1] * fx;
          double bottom = plane[y1 * sourceWidth + x0] * (1 - fx) + plane[y1 * sourceWidth + x1] * fx;
          out[(c * height + y) * width + x] = (float) ((top * (1 - fy) + bottom * fy) / 255.0);
        }
      }
    }
    return out;
  }

  private static float[] gray(float[] red, float[] green, float[] blue) {
    float[] gray = new float[red.length];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = 0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i];
    }
    return gray;
  }

  private static List<Labeled> pick(List<Labeled> files, int[] indices) {
    List<Labeled> picked = new ArrayList<>(indices.length);
    for (int index : indices) {
      picked.add(files.get(index));
    }
    return picked;
  }

  private static List<Path> paths(List<Labeled> files) {
    return files.stream().map(Labeled::file).toList();
  }

  private static void requireDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "image folder not found");
    }
  }
}
