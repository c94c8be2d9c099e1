package io.olmp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmDigitsTest {

  @TempDir
  Path dir;

  /** The package's format: {"data": [...]} with pixel/255 rounded to 3 decimals, trailing zeros dropped. */
  static String asPackageJson(byte[] pixels) {
    StringJoiner values = new StringJoiner(",", "{ \"data\": [", "]}");
    for (byte pixel : pixels) {
      values.add(BigDecimal.valueOf((pixel & 0xFF) / 255.0).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString());
    }
    return values.toString();
  }

  @Test
  void realDigitsInThePackageFormatConvertBackToTheirExactBytes() throws IOException {
    IdxImages sample = IdxReader.readImages(TestFixtures.mnistSampleImages());
    int[] labels = IdxReader.readLabels(TestFixtures.mnistSampleLabels());
    for (int digit = 0; digit < 10; digit++) {
      int d = digit;
      IdxImages ofDigit = sample.subset(java.util.stream.IntStream.range(0, 300).filter(i -> labels[i] == d).toArray());
      Files.writeString(dir.resolve(digit + ".json"), asPackageJson(ofDigit.pixels()));
    }
    NpmDigits.Converted converted = NpmDigits.convert(dir);
    assertEquals(sample, converted.images());
    assertArrayEquals(labels, converted.labels());
    int[] thirties = new int[10];
    Arrays.fill(thirties, 30);
    assertArrayEquals(thirties, converted.classCounts());
  }

  @Test
  void everyByteSurvivesThreeDecimalRounding() throws IOException {
    byte[] all = new byte[784];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) (i % 256);
    }
    Path file = Files.writeString(dir.resolve("0.json"), asPackageJson(all));
    assertArrayEquals(all, NpmDigits.readDigitFile(file));
  }

  @Test
  void valueThatIsNotAByteLevelIsRejected() throws IOException {
    double[] values = new double[784];
    values[300] = 0.3;
    Path file = Files.writeString(dir.resolve("5.json"), "{\"data\":" + Arrays.toString(values) + "}");
    IOException e = assertThrows(IOException.class, () -> NpmDigits.readDigitFile(file));
    assertEquals(file + ": value 0.3 (image 0, pixel 300) is not k/255 for an integer k in 0..255 rounded to 3"
        + " decimals", e.getMessage());
  }

  @Test
  void lengthThatIsNotWholeImagesIsRejected() throws IOException {
    Path file = Files.writeString(dir.resolve("1.json"), "{\"data\":" + Arrays.toString(new int[785]) + "}");
    IOException e = assertThrows(IOException.class, () -> NpmDigits.readDigitFile(file));
    assertEquals(file + ": 785 values, expected a positive multiple of 784 (28 x 28 per image)", e.getMessage());
  }

  @Test
  void otherJsonShapeIsRejected() throws IOException {
    Path file = Files.writeString(dir.resolve("2.json"), "[0, 1]");
    IOException e = assertThrows(IOException.class, () -> NpmDigits.readDigitFile(file));
    assertEquals(file + ": expected a JSON object {\"data\": [...]}", e.getMessage());
  }
}
