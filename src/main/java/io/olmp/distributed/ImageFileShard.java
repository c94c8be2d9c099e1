package io.olmp.distributed;

import io.olmp.data.ImageDecoder;
import io.olmp.data.ImageFile;
import io.olmp.data.StreamedImages;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of validation image files, the unit of one Spark task when executors read the images themselves
 * ({@code olmp.scoring.shard-storage = image-files}). An executor decodes it once into {@link Levels}, 8-bit levels
 * a quarter the size of float pixels, which Spark keeps; each task turns them into the float {@link ValidationShard}
 * it scores. The decoder is the driver's ({@link ImageDecoder}), so the pixels, and the counts, equal the in-process
 * evaluator's.
 */
record ImageFileShard(int index, List<ImageFile> files, int channels, int height, int width, int numClasses)
        implements Serializable {

    /** Cuts the split's files into blocks of {@code size} (the last one shorter), in order. */
    static List<ImageFileShard> cut(StreamedImages images, int size) {
        List<ImageFileShard> shards = new ArrayList<>();
        List<ImageFile> files = images.files();
        for (int from = 0, index = 0; from < files.size(); from += size, index++) {
            shards.add(new ImageFileShard(index, new ArrayList<>(files.subList(from, Math.min(files.size(), from + size))),
                    images.channels(), images.height(), images.width(), images.numClasses()));
        }
        return shards;
    }

    /** The decoded images of a shard as 8-bit levels, image after image. */
    record Levels(int index, int channels, int height, int width, int numClasses, byte[] levels, int[] labels)
            implements Serializable {

        ValidationShard pixels() {
            float[] pixels = new float[levels.length];
            ImageDecoder.pixels(levels, 0, levels.length, pixels, 0);
            return new ValidationShard(index, channels, height, width, numClasses, pixels, labels);
        }
    }

    /** Reads and decodes every file; an unreadable file fails the task with its path. */
    Levels decode() {
        int length = channels * height * width;
        byte[] levels = new byte[files.size() * length];
        int[] labels = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            ImageFile file = files.get(i);
            try (InputStream in = Files.newInputStream(Path.of(file.path()))) {
                System.arraycopy(ImageDecoder.levels(in, file.path(), channels, height, width), 0, levels, i * length, length);
            } catch (NoSuchFileException e) {
                throw new UncheckedIOException("validation image shard " + index + ": " + file.path() + ": no such file"
                        + " on this executor (image folders must be at the same path on every node)", e);
            } catch (IOException e) {
                throw new UncheckedIOException("validation image shard " + index + ": " + e.getMessage(), e);
            }
            labels[i] = file.label();
        }
        return new Levels(index, channels, height, width, numClasses, levels, labels);
    }
}
