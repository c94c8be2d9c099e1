package io.olmp.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Makes the real-data fixture {@code src/test/resources/io/olmp/data/caltech-tiny/}: a Caltech-256-style pair of
 * image folders ({@code train/} and {@code eval/}, one sub-folder per class, PNG files) holding real Fashion-MNIST
 * test images, so the image-folder path (and AlexNet on it) can run in a test without Caltech-256.
 *
 * <p>Which images: the first {@value #TRAIN_PER_CLASS} + {@value #EVAL_PER_CLASS} images of each of the classes in
 * {@link #CLASSES} (labels 0, 1, 2) in t10k order; the first ones go to {@code train/}. Each is written as an 8-bit
 * gray 28x28 PNG named by its t10k index. Regenerate from the project root (after
 * {@code ./olmp data fetch fashion-mnist}) with
 * <pre>{@code java -cp target/classes:target/test-classes io.olmp.data.CaltechTinyFixture}</pre>
 */
public final class CaltechTinyFixture {

  static final List<String> CLASSES = List.of("001.t-shirt", "002.trouser", "003.pullover");
  static final int TRAIN_PER_CLASS = 4;
  static final int EVAL_PER_CLASS = 4;
  static final String DIR = "caltech-tiny";

  private CaltechTinyFixture() {}

  public static void main(String[] args) throws IOException {
    Path source = Path.of(args.length > 0 ? args[0] : "data").resolve("fashion-mnist");
    Path out = Path.of(args.length > 1 ? args[1] : "src/test/resources/io/olmp/data").resolve(DIR);
    IdxImages images = IdxReader.readImages(source.resolve(KnownSource.imagesFile("t10k")));
    int[] labels = IdxReader.readLabels(source.resolve(KnownSource.labelsFile("t10k")));
    int[] written = new int[CLASSES.size()];
    for (int i = 0; i < images.count(); i++) {
      int label = labels[i];
      if (label >= CLASSES.size() || written[label] == TRAIN_PER_CLASS + EVAL_PER_CLASS) {
        continue;
      }
      String part = written[label] < TRAIN_PER_CLASS ? "train" : "eval";
      Path file = out.resolve(part).resolve(CLASSES.get(label)).resolve(String.format("%05d.png", i));
      Files.createDirectories(file.getParent());
      ImageIO.write(gray(images, i), "png", file.toFile());
      written[label]++;
    }
  }

  /** The fixture's root, holding {@code train/} and {@code eval/}. */
  public static Path root() {
    return TestFixtures.resource(DIR);
  }

  private static BufferedImage gray(IdxImages images, int index) {
    BufferedImage image = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
    int offset = index * images.imageLength();
    for (int y = 0; y < images.rows(); y++) {
      for (int x = 0; x < images.cols(); x++) {
        image.getRaster().setSample(x, y, 0, images.pixels()[offset + y * images.cols() + x] & 0xff);
      }
    }
    return image;
  }
}
