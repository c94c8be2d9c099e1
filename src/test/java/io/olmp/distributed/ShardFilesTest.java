package io.olmp.distributed;

import io.olmp.config.InputError;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shard files written and read back, and every kind of damaged or missing file refused by name. */
class ShardFilesTest {

    private static final LabeledImages DIGITS = TestFixtures.mnistSample();

    @Test
    void shardsReadBackAsWritten(@TempDir Path tmp) {
        List<String> files = ShardFiles.write(DIGITS, 128, tmp.resolve("shards").toUri().toString(),
                new Configuration());
        List<ValidationShard> cut = ValidationShard.cut(DIGITS, 128);
        assertEquals(cut.size(), files.size());
        for (int i = 0; i < cut.size(); i++) {
            ValidationShard read = ShardFiles.read(files.get(i), new Configuration());
            assertEquals(cut.get(i).index(), read.index());
            assertArrayEquals(cut.get(i).labels(), read.labels());
            assertArrayEquals(cut.get(i).pixels(), read.pixels());
            assertEquals(28, read.height());
        }
        assertThat(tmp.resolve("shards").toFile().list()).containsExactlyInAnyOrder(
                "shard-00000.olmpshard", "shard-00001.olmpshard", "shard-00002.olmpshard");
    }

    @Test
    void aDamagedShardIsRefusedWithItsNameAndTheRule(@TempDir Path tmp) throws IOException {
        String file = write(tmp).get(1);
        Path path = Path.of(java.net.URI.create(file));
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.seek(5000);
            int b = raf.read();
            raf.seek(5000);
            raf.write(b ^ 0x40);
        }
        ShardFiles.ShardFileException e = assertThrows(ShardFiles.ShardFileException.class,
                () -> ShardFiles.read(file, new Configuration()));
        assertThat(e.getMessage()).contains("shard-00001.olmpshard").contains("checksum mismatch");
        assertThat(e).isInstanceOf(InputError.class);
    }

    @Test
    void truncatedMissingAndForeignFilesAreRefused(@TempDir Path tmp) throws IOException {
        List<String> files = write(tmp);
        Path truncated = Path.of(java.net.URI.create(files.get(0)));
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(assertThrows(ShardFiles.ShardFileException.class, () -> ShardFiles.read(files.get(0), new Configuration()))
                .getMessage()).contains("shard-00000.olmpshard").contains("the file has " + (bytes.length - 100));

        Path missing = Path.of(java.net.URI.create(files.get(2)));
        Files.delete(missing);
        assertThat(assertThrows(ShardFiles.ShardFileException.class, () -> ShardFiles.read(files.get(2), new Configuration()))
                .getMessage()).contains("shard-00002.olmpshard").contains("missing");

        Path foreign = tmp.resolve("foreign.olmpshard");
        Files.write(foreign, new byte[200]);
        assertThat(assertThrows(ShardFiles.ShardFileException.class,
                () -> ShardFiles.read(foreign.toUri().toString(), new Configuration())).getMessage())
                .contains("foreign.olmpshard").contains("does not start with OLMPSHRD");
    }

    private static List<String> write(Path tmp) {
        return ShardFiles.write(DIGITS, 128, tmp.resolve("shards").toUri().toString(), new Configuration());
    }
}
