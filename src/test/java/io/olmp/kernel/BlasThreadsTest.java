package io.olmp.kernel;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scopes lower the process-wide BLAS thread count to 1 and the last one to close restores it. */
class BlasThreadsTest {

    @Test
    void nestedScopesRestoreTheCountWhenTheLastCloses() {
        int before = Nd4j.factory().blas().getMaxThreads();
        try (BlasThreads outer = BlasThreads.single()) {
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            try (BlasThreads inner = BlasThreads.single()) {
                assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            }
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
        }
        assertEquals(before, Nd4j.factory().blas().getMaxThreads());
    }
}
