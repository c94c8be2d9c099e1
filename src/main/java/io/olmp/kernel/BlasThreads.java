package io.olmp.kernel;

import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-threaded BLAS while candidate lanes run their products in parallel: with one lane per
 * core, each lane's product using all cores too oversubscribes them, and OpenMP's waiting then
 * costs more than it gains (measured: LeNet-5 generation 9.3 s with 2 BLAS threads per lane,
 * 6.6 s with 1). The BLAS thread count is process-wide, so nested or concurrent scopes share one
 * count: the first scope to open lowers it, the last to close restores it. Products give the same
 * values with any thread count (threads split rows and columns, not the sums).
 */
public final class BlasThreads implements AutoCloseable {

    private static int open;
    private static int saved;

    private BlasThreads() {}

    public static synchronized BlasThreads single() {
        if (open++ == 0) {
            Blas blas = Nd4j.factory().blas();
            saved = blas.getMaxThreads();
            blas.setMaxThreads(1);
        }
        return new BlasThreads();
    }

    @Override
    public void close() {
        synchronized (BlasThreads.class) {
            if (--open == 0) {
                Nd4j.factory().blas().setMaxThreads(saved);
            }
        }
    }
}
