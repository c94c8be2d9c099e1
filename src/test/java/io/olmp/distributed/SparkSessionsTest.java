package io.olmp.distributed;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SparkSessionsTest {

    @Test
    void localMastersTolerateAStalledJvmClustersKeepSparksTimeouts() {
        Map<String, String> expected = Map.of("spark.network.timeout", "7d", "spark.executor.heartbeatInterval", "60s");
        assertThat(SparkSessions.stallTolerance("local[*]")).isEqualTo(expected);
        assertThat(SparkSessions.stallTolerance("local[2]")).isEqualTo(expected);
        assertThat(SparkSessions.stallTolerance("local")).isEqualTo(expected);
        assertThat(SparkSessions.stallTolerance("spark://127.0.0.1:7077")).isEmpty();
        assertThat(SparkSessions.stallTolerance("local-cluster[2,1,1024]")).isEmpty();
    }
}
