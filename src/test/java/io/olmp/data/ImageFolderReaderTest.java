package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

  private static final Color[] CLASS_COLOURS = {Color.RED, new Color(0, 200, 0), new Color(40, 80, 120)};
  private static final String[] CLASSES = {"ant", "bee", "cat"};

  @TempDir
  Path root;
  Path train;
  Path eval;

  /** 3 classes; train: 2 PNG (solid class colour) per class; eval: 2 PNG + 1 JPEG per class; plus a stray text file. */
  @BeforeEach
  void makeFolders() throws IOException {
    train = root.resolve("train");
    eval = root.resolve("eval");
    for (int c = 0; c < CLASSES.length; c++) {
      for (int i = 0; i < 2; i++) {
        write(solid(CLASS_COLOURS[c], 12 + i, 9), "png", train.resolve(CLASSES[c]).resolve("img" + i + ".png"));
        write(solid(CLASS_COLOURS[c], 10, 10), "png", eval.resolve(CLASSES[c]).resolve("e" + i + ".PNG"));
      }
      write(solid(CLASS_COLOURS[c], 16, 16), "jpg", eval.resolve(CLASSES[c]).resolve("e2.jpg"));
    }
    Files.writeString(train.resolve("ant/notes.txt"), "not an image, ignored");
  }

  private static BufferedImage solid(Color colour, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    return image;
  }

  private static void write(BufferedImage image, String format, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
  }

  private DataSplits load(int channels, int validation, int test, long seed) throws IOException {
    return Datasets.load(new DataSpec.ImageFolders(train, eval, validation, test, seed, channels, 4, 5,
        root.resolve("cache")));
  }

  private static int[] labels(ImageSet images) {
    return java.util.stream.IntStream.range(0, images.count()).map(images::label).toArray();
  }

  @Test
  void readsClassesFromSortedFolderNamesAndSplitsTheEvalFolder() throws IOException {
    DataSplits splits = load(3, 4, 3, 42);
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, labels(splits.train()));
    assertEquals(4, splits.validation().count());
    assertEquals(3, splits.test().count());
    assertEquals(3, splits.train().numClasses());
    assertEquals(3 * 4 * 5, splits.train().featureLength());
    assertEquals(2, splits.sha256ByFile().size());
  }

  @Test
  void pngPixelsAreExactPerChannelInNchwOrder() throws IOException {
    LabeledImages trainSet = load(3, 0, 0, 1).train().inMemory();
    float[] pixels = trainSet.pixels();
    int plane = 4 * 5;
    int bee = 2 * trainSet.featureLength(); // third image: first of class "bee" (0, 200, 0)
    assertEquals(0f, pixels[bee]);
    assertEquals(200 / 255f, pixels[bee + plane], 1e-6);
    assertEquals(0f, pixels[bee + 2 * plane]);
    assertEquals(200 / 255f, pixels[bee + plane + plane - 1], 1e-6);
  }

  @Test
  void grayscaleUsesBt601Weights() throws IOException {
    LabeledImages trainSet = load(1, 0, 0, 1).train().inMemory();
    assertEquals(1 * 4 * 5, trainSet.featureLength());
    int cat = 4 * trainSet.featureLength();
    // 0.299 * 40 + 0.587 * 80 + 0.114 * 120 = 72.6, rounded to the level 73
    assertEquals(73 / 255f, trainSet.pixels()[cat], 1e-7);
  }

  @Test
  void eightBitGrayImagesKeepTheirStoredValues() throws IOException {
    BufferedImage gray = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 3; x++) {
        gray.getRaster().setSample(x, y, 0, 100);
      }
    }
    Path file = root.resolve("gray.png");
    write(gray, "png", file);
    try (var in = Files.newInputStream(file)) {
      for (byte level : ImageDecoder.levels(in, file.toString(), 3, 2, 2)) {
        assertEquals(100, level & 0xFF);
      }
    }
  }

  @Test
  void bilinearResizeInterpolatesBetweenPixelCentresThenRoundsToLevels() {
    ImageDecoder.Decoded twoPixels = new ImageDecoder.Decoded(2, 1, new float[] {0, 255},
        new float[] {0, 255}, new float[] {0, 255});
    double[] resized = ImageDecoder.resize(twoPixels, 1, 4, 1);
    assertArrayEquals(new double[] {0, 63.75, 191.25, 255}, resized, 1e-9);
    assertArrayEquals(new byte[] {0, 64, (byte) 191, (byte) 255}, ImageDecoder.quantize(resized));
    assertEquals(64 / 255f, ImageDecoder.pixel((byte) 64));
    assertEquals(1f, ImageDecoder.pixel((byte) 255));
  }

  @Test
  void sameSeedGivesTheSameSplitAndAnotherSeedAnother() throws IOException {
    DataSplits first = load(3, 4, 3, 42);
    assertTrue(first.test().inMemory().sameContentAs(load(3, 4, 3, 42).test().inMemory()));
    assertArrayEquals(labels(first.validation()), labels(load(3, 4, 3, 42).validation()));
    boolean anyDifferent = false;
    for (long seed = 1; seed < 5; seed++) {
      anyDifferent |= !java.util.Arrays.equals(labels(first.validation()), labels(load(3, 4, 3, seed).validation()));
    }
    assertTrue(anyDifferent);
  }

  @Test
  void unreadableImageIsNamed() throws IOException {
    Path broken = Files.writeString(train.resolve("bee/broken.jpg"), "this is not a JPEG");
    IOException e = assertThrows(IOException.class, () -> load(3, 1, 1, 1));
    assertTrue(e.getMessage().startsWith(broken + ": unreadable image"), e.getMessage());
  }

  @Test
  void evalClassUnknownToTrainIsRejected() throws IOException {
    write(solid(Color.BLUE, 4, 4), "png", eval.resolve("dog/d.png"));
    IOException e = assertThrows(IOException.class, () -> load(3, 1, 1, 1));
    assertEquals(eval.resolve("dog") + ": class folder not among the 3 train classes in the train folder",
        e.getMessage());
  }

  @Test
  void splitCountsBeyondTheEvalImagesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(3, 5, 5, 1));
    assertEquals("image folders " + eval + ": split sizes [5, 5] add up to 10, more than the 9 images available",
        e.getMessage());
  }

  @Test
  void channelsOtherThanOneOrThreeAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DataSpec.ImageFolders(train, eval, 1, 1, 1, 4, 8, 8, root));
    assertEquals("image folders: channels must be 1 (grayscale) or 3 (RGB), got 4", e.getMessage());
  }

  @Test
  void aCaltechSizedSplitThatCannotFitInMemoryIsRefusedBeforeReading() {
    io.olmp.config.SettingsException e = assertThrows(io.olmp.config.SettingsException.class,
        () -> ImageFolderReader.checkFitsInMemory("validation", 7_530, 3, 227, 227, 8L << 30));
    assertTrue(e.getMessage().contains("validation split: 7,530 images of 3x227x227 (olmp.data.image-folders.channels,"
        + " height, width) need 4,440 MiB as floats"), e.getMessage());
    assertTrue(e.getMessage().contains("-Xmx 8,192 MiB"), e.getMessage());
    assertTrue(e.getMessage().contains("olmp.scoring.shard-storage = image-files"), e.getMessage());
    ImageFolderReader.checkFitsInMemory("validation", 1_000, 3, 227, 227, 8L << 30); // 591 MiB: fits
  }
}
