package io.olmp.bench;

import io.olmp.pipeline.RunCheckpoint;
import io.olmp.search.BatchEvaluator;
import io.olmp.search.Ncs;
import io.olmp.search.NcsParams;
import io.olmp.search.NcsState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * What one NCS generation costs the driver besides scoring: {@link Ncs#step} with an evaluator that does no
 * work (the sum of the coordinates, so fitness values vary), and the per-generation run checkpoint
 * ({@link RunCheckpoint#generationDone}, an atomic JSON write). Mean over many generations after a warm-up.
 */
public final class NcsOverhead {

    /** Microseconds per generation for popN candidates of the given dimension. */
    public record Result(int dimension, int population, int generations, double stepMicros,
                         double checkpointMicros) {}

    private NcsOverhead() {}

    public static Result measure(int dimension, int population, int generations) {
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(upper, 100);
        Ncs ncs = new Ncs(NcsParams.defaults(population, 2 * generations + 1, lower, upper));
        BatchEvaluator work = BatchEvaluator.ofValues(candidates -> candidates.stream()
                .mapToDouble(x -> Arrays.stream(x).sum() / (100.0 * dimension)).toArray());
        NcsState state = ncs.init(work, 1);
        for (int g = 0; g < generations; g++) { // warm-up
            state = ncs.step(state, work);
        }
        long t0 = System.nanoTime();
        for (int g = 0; g < generations; g++) {
            state = ncs.step(state, work);
        }
        double step = (System.nanoTime() - t0) / 1e3 / generations;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("olmp-bench-checkpoint");
            RunCheckpoint checkpoint = new RunCheckpoint(dir);
            checkpoint.generationDone(state, 0, 0, 0); // warm-up
            long t1 = System.nanoTime();
            for (int g = 0; g < generations; g++) {
                checkpoint.generationDone(state, g, 0, 0);
            }
            double write = (System.nanoTime() - t1) / 1e3 / generations;
            return new Result(dimension, population, generations, step, write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
