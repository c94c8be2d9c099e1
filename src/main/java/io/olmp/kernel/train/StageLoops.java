package io.olmp.kernel.train;

import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The stages' loops over independent images or row chunks: parallel, except on a thread that
 * computes one half of a split batch, whose twin already occupies the other core (nested
 * parallel loops there made the halves steal each other's tasks and wait for them).
 */
final class StageLoops {

    private static final ThreadLocal<Boolean> SEQUENTIAL = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private StageLoops() {}

    static void forEach(int count, IntConsumer body) {
        if (count == 1 || SEQUENTIAL.get()) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
        } else {
            IntStream.range(0, count).parallel().forEach(body);
        }
    }

    /** Runs {@code work} with this thread's stage loops sequential. */
    static double sequentially(DoubleSupplier work) {
        SEQUENTIAL.set(Boolean.TRUE);
        try {
            return work.getAsDouble();
        } finally {
            SEQUENTIAL.set(Boolean.FALSE);
        }
    }
}
