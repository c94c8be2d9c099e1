package io.olmp.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;

/**
 * One JPEG or PNG file to the model's input: decoded with Java ImageIO, resized with bilinear interpolation (pixel
 * centres aligned, as OpenCV's INTER_LINEAR) to height x width, kept as RGB or turned into gray with the ITU-R BT.601
 * weights 0.299 R + 0.587 G + 0.114 B, then rounded to 8-bit levels as OpenCV's resize of an 8-bit image does. The
 * levels are stored channel by channel (NCHW); a level {@code q} is the pixel {@code q / 255} ({@link #pixel}).
 * 8-bit gray images are read from their raster, bypassing Java2D's linear-gray colour conversion.
 *
 * <p>The one decoder of every image-folder path: the driver's cache ({@link StreamedImages}) and the executors that
 * read validation images themselves both go through {@link #levels}, so their pixels are equal.
 */
public final class ImageDecoder {

  private static final float[] PIXEL_OF_LEVEL = new float[256];

  static {
    for (int level = 0; level < 256; level++) {
      PIXEL_OF_LEVEL[level] = (float) (level / 255.0);
    }
  }

  private ImageDecoder() {}

  /** An image as R, G, B planes of 0..255 values, each height x width, row-major. */
  record Decoded(int width, int height, float[] red, float[] green, float[] blue) {}

  /** The pixel value of an 8-bit level (0..255 as an unsigned byte). */
  public static float pixel(byte level) {
    return PIXEL_OF_LEVEL[level & 0xFF];
  }

  /** {@code count} levels from {@code levels[from]} as pixels into {@code target[offset]}. */
  public static void pixels(byte[] levels, int from, int count, float[] target, int offset) {
    for (int i = 0; i < count; i++) {
      target[offset + i] = PIXEL_OF_LEVEL[levels[from + i] & 0xFF];
    }
  }

  /**
   * The image's channels x height x width levels; {@code name} (a path) is what errors name.
   *
   * @throws IOException naming the file when no ImageIO reader recognises the content
   */
  public static byte[] levels(InputStream in, String name, int channels, int height, int width) throws IOException {
    return quantize(resize(decode(in, name), height, width, channels));
  }

  static Decoded decode(InputStream in, String name) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException(name + ": unreadable image (" + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new IOException(name + ": unreadable image (no ImageIO reader recognises its content as JPEG or PNG)");
    }
    int width = image.getWidth();
    int height = image.getHeight();
    float[][] planes = new float[3][width * height];
    Raster raster = image.getRaster();
    boolean plainGray = raster.getNumBands() == 1 && raster.getSampleModel().getSampleSize(0) == 8
        && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
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

  /** Bilinear resize of decoded planes to {@code channels} planes of height x width, values still 0..255. */
  static double[] resize(Decoded decoded, int height, int width, int channels) {
    int sourceWidth = decoded.width();
    int sourceHeight = decoded.height();
    float[][] source = channels == 3
        ? new float[][] {decoded.red(), decoded.green(), decoded.blue()}
        : new float[][] {gray(decoded.red(), decoded.green(), decoded.blue())};
    double[] out = new double[channels * height * width];
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
          out[(c * height + y) * width + x] = top * (1 - fy) + bottom * fy;
        }
      }
    }
    return out;
  }

  /** Values 0..255 rounded half up to the nearest level. */
  static byte[] quantize(double[] values) {
    byte[] levels = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      levels[i] = (byte) Math.min(255, Math.max(0, (int) Math.floor(values[i] + 0.5)));
    }
    return levels;
  }

  private static float[] gray(float[] red, float[] green, float[] blue) {
    float[] gray = new float[red.length];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = 0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i];
    }
    return gray;
  }
}
