package io.olmp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olmp.config.InputError;
import io.olmp.config.SettingsLoader;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.prune.LayerMasks;
import io.olmp.search.BatchEvaluator;
import io.olmp.search.Ncs;
import io.olmp.search.NcsParams;
import io.olmp.search.NcsState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCheckpointTest {

    @TempDir
    Path dir;

    private static MultiLayerNetwork tinyNet() {
        return Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10),
                SettingsLoader.load(Optional.empty(), List.of()).train(), 1);
    }

    private static NcsState someSearch() {
        Ncs ncs = new Ncs(NcsParams.defaults(4, 10, 3, 0, 100));
        return ncs.init(BatchEvaluator.ofValues(c -> c.stream().mapToDouble(x -> Arrays.stream(x).sum()).toArray()), 7);
    }

    @Test
    void aLoopsSearchSecondsAreKeptForTheProcessThatResumesIt() throws Exception {
        MultiLayerNetwork net = tinyNet();
        RunCheckpoint checkpoint = new RunCheckpoint(dir);
        checkpoint.startLoop(3, net, LayerMasks.allKept(net), List.of(), 100);
        checkpoint.generationDone(someSearch(), 140, 12.5, 20.25);
        RunCheckpoint.State state = new RunCheckpoint(dir).load();
        assertThat(state.loop()).isEqualTo(3);
        assertThat(state.search()).isPresent();
        assertThat(state.loopSearchSeconds()).isEqualTo(12.5);
        assertThat(state.loopSearchCpuSeconds()).isEqualTo(20.25);
        assertThat(state.elapsedSeconds()).isEqualTo(140);

        checkpoint.startLoop(4, net, LayerMasks.allKept(net), List.of(), 150);
        assertThat(new RunCheckpoint(dir).load().loopSearchSeconds()).as("a new loop starts from 0").isZero();
    }

    @Test
    void truncatedMasksAreNamedAsADamagedCheckpoint() throws Exception {
        MultiLayerNetwork net = tinyNet();
        RunCheckpoint checkpoint = new RunCheckpoint(dir);
        checkpoint.startLoop(2, net, LayerMasks.allKept(net), List.of(), 0);
        Path masks = dir.resolve("loop-002-start.masks");
        byte[] bytes = Files.readAllBytes(masks);
        Files.write(masks, Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> new RunCheckpoint(dir).load())
                .isInstanceOf(DamagedCheckpointException.class).isInstanceOf(InputError.class)
                .hasMessageStartingWith(masks + ": damaged checkpoint: the mask file ends early (truncated)")
                .hasMessageContaining("start again with another --out");
    }
}
