package io.olmp.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchPartsTest {

    @Test
    void matmulPeakIsTheBestOfItsShapes() {
        MatmulPeak.Result result = MatmulPeak.measure(new long[][] {{64, 32, 16}, {128, 64, 32}}, 2);
        assertThat(result.shapes()).hasSize(2);
        assertThat(result.shapes()).allSatisfy(s -> assertThat(s.gflops()).isPositive()
                .isCloseTo(2.0 * s.m() * s.k() * s.n() / s.seconds() / 1e9, org.assertj.core.data.Percentage.withPercentage(1e-6)));
        assertThat(result.peakGflops()).isEqualTo(Math.max(result.shapes().get(0).gflops(), result.shapes().get(1).gflops()));
    }

    @Test
    void ncsOverheadTimesStepsAndCheckpoints() {
        NcsOverhead.Result result = NcsOverhead.measure(4, 10, 20);
        assertThat(result.stepMicros()).isPositive();
        assertThat(result.checkpointMicros()).isPositive();
    }

    @Test
    void peakResidentMemoryIsAtLeastTheCurrentOne() {
        long current = PeakMemory.rssBytes().orElseThrow();
        assertThat(current).isGreaterThan(10L << 20);
        assertThat(PeakMemory.peakRssBytes().orElseThrow()).isGreaterThanOrEqualTo(current);
        assertThat(PeakMemory.describePeak()).matches("peak RSS [0-9,]+ MiB");
    }
}
