package io.olmp.distributed;

import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What of the GPU path can run without a GPU: discovery output, launcher conf, device choice. */
class GpuLaunchTest {

    private static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out.trim();
    }

    @Test
    void discoveryScriptPrintsSparkResourceJsonFromNvidiaSmi(@TempDir Path bin) throws Exception {
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\nprintf '0\\n1\\n'\n");
        smi.toFile().setExecutable(true);
        String withGpus = run(Map.of("PATH", bin + ":/usr/bin:/bin"), "submit/gpu-discovery.sh");
        assertEquals("{\"name\": \"gpu\", \"addresses\": [\"0\",\"1\"]}", withGpus);
        ResourceInformation parsed = ResourceInformation.parseJson(withGpus);
        assertThat(parsed.addresses()).containsExactly("0", "1");
        String without = run(Map.of("PATH", "/usr/bin:/bin"), "submit/gpu-discovery.sh");
        assertThat(ResourceInformation.parseJson(without).addresses()).isEmpty();
    }

    @Test
    void gpuLauncherAsksOneGpuPerExecutorAndTask() throws Exception {
        String command = run(Map.of("OLMP_DRY_RUN", "1", "OLMP_JAR", "/opt/olmp-all.jar"),
                "submit/olmp-submit-gpu.sh", "--master", "spark://gpu-head:7077", "--", "run", "--conf", "conf/lenet5.conf");
        assertThat(command).contains("org.apache.spark.deploy.SparkSubmit --master spark://gpu-head:7077")
                .contains("--conf spark.executor.resource.gpu.amount=1")
                .contains("--conf spark.task.resource.gpu.amount=1")
                .containsPattern("--conf spark.executor.resource.gpu.discoveryScript=\\S+/submit/gpu-discovery.sh")
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .endsWith("--class io.olmp.cli.Main /opt/olmp-all.jar run --conf conf/lenet5.conf");
    }

    @Test
    void taskBindsToTheFirstGpuAddressOfItsResources() {
        assertEquals(Optional.of(3), GpuBinding.device(Map.of("gpu", new ResourceInformation("gpu", new String[] {"3"}))));
        assertEquals(Optional.empty(), GpuBinding.device(Map.of()));
        assertEquals(Optional.empty(), GpuBinding.device(Map.of("gpu", new ResourceInformation("gpu", new String[0]))));
        var e = assertThrows(IllegalStateException.class,
                () -> GpuBinding.device(Map.of("gpu", new ResourceInformation("gpu", new String[] {"GPU-abc"}))));
        assertThat(e.getMessage()).contains("GPU-abc").contains("gpu-discovery.sh");
        assertEquals(Optional.empty(), GpuBinding.bindCurrentTask(), "outside a Spark task nothing is bound");
    }
}
