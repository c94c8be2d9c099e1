package io.olmp.distributed;

import io.olmp.config.InputError;
import io.olmp.data.LabeledImages;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Validation shards as files on any Hadoop file system (the local disk in local mode; HDFS, S3A or
 * NFS on a cluster), so that executors read their shards themselves instead of receiving the split
 * from the driver. One file per shard, written atomically (a temporary name, then a rename):
 *
 * <pre>
 * "OLMPSHRD" (8 bytes) | version 1 | index | count | channels | height | width | classes  (big-endian ints)
 * labels: count ints | pixels: count x channels x height x width floats  (big-endian)
 * CRC-32 of every byte before it (a long)
 * </pre>
 *
 * A missing, truncated or damaged file is refused with a {@link ShardFileException} naming the file
 * and the rule it breaks, so a task fails (and is retried, or fails the run) instead of counting wrong.
 */
public final class ShardFiles {

    static final byte[] MAGIC = "OLMPSHRD".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int HEADER_BYTES = MAGIC.length + 7 * Integer.BYTES;

    /** A shard file that cannot be used, and why. */
    public static final class ShardFileException extends RuntimeException implements InputError {
        ShardFileException(String file, String rule) {
            super("validation shard " + file + ": " + rule);
        }
    }

    private ShardFiles() {}

    /** The file name of shard {@code index}. */
    static String name(int index) {
        return String.format("shard-%05d.olmpshard", index);
    }

    /**
     * Writes the images as shards of {@code size} images into {@code directory} (created if needed;
     * shards already there are replaced); returns the files, in shard order.
     */
    public static List<String> write(LabeledImages images, int size, String directory, Configuration hadoop) {
        List<ValidationShard> shards = ValidationShard.cut(images, size);
        List<String> files = new ArrayList<>();
        try (FileSystem fs = open(directory, hadoop)) {
            Path dir = new Path(directory);
            fs.mkdirs(dir);
            for (ValidationShard shard : shards) {
                Path target = new Path(dir, name(shard.index()));
                Path temporary = new Path(dir, "." + name(shard.index()) + ".tmp");
                try (FSDataOutputStream out = fs.create(temporary, true)) {
                    out.write(encode(shard));
                }
                fs.delete(target, false);
                if (!fs.rename(temporary, target)) {
                    throw new IOException("cannot rename " + temporary + " to " + target);
                }
                files.add(target.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("validation shards in " + directory + ": " + e.getMessage(), e);
        }
        return List.copyOf(files);
    }

    /**
     * A private instance of the path's file system (not Hadoop's shared one, whose settings this
     * changes) without Hadoop's own checksum files: the shard's CRC covers every file system alike.
     */
    private static FileSystem open(String path, Configuration hadoop) throws IOException {
        FileSystem fs = FileSystem.newInstance(URI.create(path), hadoop);
        fs.setVerifyChecksum(false);
        fs.setWriteChecksum(false);
        return fs;
    }

    static byte[] encode(ValidationShard shard) {
        int count = shard.labels().length;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + count * Integer.BYTES + shard.pixels().length * Float.BYTES
                + Long.BYTES).order(ByteOrder.BIG_ENDIAN);
        buffer.put(MAGIC).putInt(VERSION).putInt(shard.index()).putInt(count).putInt(shard.channels())
                .putInt(shard.height()).putInt(shard.width()).putInt(shard.numClasses());
        buffer.asIntBuffer().put(shard.labels());
        buffer.position(buffer.position() + count * Integer.BYTES);
        buffer.asFloatBuffer().put(shard.pixels());
        buffer.position(buffer.position() + shard.pixels().length * Float.BYTES);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putLong(crc.getValue());
        return buffer.array();
    }

    /** Reads and checks one shard file. */
    public static ValidationShard read(String file, Configuration hadoop) {
        byte[] bytes;
        try (FileSystem fs = open(file, hadoop)) {
            Path path = new Path(file);
            if (!fs.exists(path)) {
                throw new ShardFileException(file, "missing (the run wrote it at its start; was the folder moved or cleaned?)");
            }
            long length = fs.getFileStatus(path).getLen();
            if (length < HEADER_BYTES + Long.BYTES || length > Integer.MAX_VALUE) {
                throw new ShardFileException(file, "has " + length + " bytes, not a shard (at least "
                        + (HEADER_BYTES + Long.BYTES) + ")");
            }
            bytes = new byte[(int) length];
            try (FSDataInputStream in = fs.open(path)) {
                new DataInputStream(in).readFully(bytes);
            }
        } catch (EOFException e) {
            throw new ShardFileException(file, "ended while being read");
        } catch (IOException e) {
            throw new UncheckedIOException("validation shard " + file + ": " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    static ValidationShard decode(String file, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new ShardFileException(file, "does not start with OLMPSHRD");
        }
        int version = buffer.getInt();
        if (version != VERSION) {
            throw new ShardFileException(file, "format version " + version + ", this build reads " + VERSION);
        }
        int index = buffer.getInt();
        int count = buffer.getInt();
        int channels = buffer.getInt();
        int height = buffer.getInt();
        int width = buffer.getInt();
        int classes = buffer.getInt();
        long pixels = (long) count * channels * height * width;
        long expected = HEADER_BYTES + (long) count * Integer.BYTES + pixels * Float.BYTES + Long.BYTES;
        if (count < 0 || channels < 1 || height < 1 || width < 1 || classes < 2 || expected != bytes.length) {
            throw new ShardFileException(file, "header says " + count + " images of " + channels + "x" + height + "x"
                    + width + " and " + classes + " classes, " + expected + " bytes; the file has " + bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        long stored = ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).order(ByteOrder.BIG_ENDIAN).getLong();
        if (stored != crc.getValue()) {
            throw new ShardFileException(file, "checksum mismatch (stored " + Long.toHexString(stored) + ", computed "
                    + Long.toHexString(crc.getValue()) + "): the file is damaged");
        }
        int[] labels = new int[count];
        buffer.asIntBuffer().get(labels);
        buffer.position(buffer.position() + count * Integer.BYTES);
        float[] values = new float[(int) pixels];
        buffer.asFloatBuffer().get(values);
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new ShardFileException(file, "label " + label + " outside 0.." + (classes - 1));
            }
        }
        return new ValidationShard(index, channels, height, width, classes, values, labels);
    }
}
