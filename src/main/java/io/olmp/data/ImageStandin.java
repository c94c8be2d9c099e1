package io.olmp.data;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A Caltech-256-sized stand-in made of real images: small gray images (MNIST, Fashion-MNIST) resized
 * with bilinear interpolation to {@code size x size}, written as RGB JPEG files in one folder per
 * class ({@code train/class-03/000123.jpg}, {@code eval/...}), the layout {@code data.source =
 * image-folders} reads. For checking scale and memory (AlexNet at 227 x 227), not accuracy.
 */
public final class ImageStandin {

    /** What was written. */
    public record Written(Path trainDir, Path evalDir, int train, int eval, long bytes) {}

    private ImageStandin() {}

    /**
     * Writes {@code train} images as the train folder and {@code eval} others as the eval folder,
     * taking the classes in turn (the first image of every class, then the second, ...), so that both
     * folders hold every class while there are enough images. Files already there with the same
     * names are replaced.
     */
    public static Written write(LabeledImages images, int train, int eval, int size, Path out, Consumer<String> progress) {
        if (images.channels() != 1) {
            throw new IllegalArgumentException("image stand-in: expects gray images, " + images.name() + " has "
                    + images.channels() + " channels");
        }
        if (train < 1 || eval < 1 || train + eval > images.count()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "image stand-in: %,d train + %,d eval images asked, %s has %,d", train, eval, images.name(), images.count()));
        }
        if (size < 8) {
            throw new IllegalArgumentException("image stand-in: size must be at least 8, got " + size);
        }
        Path trainDir = out.resolve("train");
        Path evalDir = out.resolve("eval");
        int[] order = classesInTurn(images);
        long bytes = 0;
        try {
            for (int k = 0; k < train + eval; k++) {
                int i = order[k];
                Path dir = (k < train ? trainDir : evalDir).resolve(String.format(Locale.ROOT, "class-%02d", images.labels()[i]));
                Files.createDirectories(dir);
                Path file = dir.resolve(String.format(Locale.ROOT, "%06d.jpg", i));
                ImageIO.write(upscaled(images, i, size), "jpg", file.toFile());
                bytes += Files.size(file);
                if ((k + 1) % 1000 == 0 || k + 1 == train + eval) {
                    progress.accept(String.format(Locale.ROOT, "stand-in: %,d of %,d images written (%,d MiB)", k + 1,
                            train + eval, bytes >> 20));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("image stand-in in " + out + ": " + e.getMessage(), e);
        }
        return new Written(trainDir, evalDir, train, eval, bytes);
    }

    /** Image indices taking the classes in turn, each class's images in their order. */
    static int[] classesInTurn(LabeledImages images) {
        java.util.List<java.util.ArrayDeque<Integer>> byClass = new java.util.ArrayList<>();
        for (int c = 0; c < images.numClasses(); c++) {
            byClass.add(new java.util.ArrayDeque<>());
        }
        for (int i = 0; i < images.count(); i++) {
            byClass.get(images.labels()[i]).add(i);
        }
        int[] order = new int[images.count()];
        int k = 0;
        while (k < order.length) {
            for (java.util.ArrayDeque<Integer> queue : byClass) {
                if (!queue.isEmpty()) {
                    order[k++] = queue.poll();
                }
            }
        }
        return order;
    }

    /** Image i as an RGB picture of size x size (the gray value in all three channels). */
    static BufferedImage upscaled(LabeledImages images, int i, int size) {
        int h = images.height();
        int w = images.width();
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int base = i * images.featureLength();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.round(Math.min(1f, Math.max(0f, images.pixels()[base + y * w + x])) * 255f);
                small.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        BufferedImage large = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, size, size, null);
        g.dispose();
        return large;
    }
}
