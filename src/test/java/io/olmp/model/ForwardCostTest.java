package io.olmp.model;

import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.kernel.ForwardPlan;
import io.olmp.kernel.train.FastTrainingStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardCostTest {

    private static final TrainSettings TRAIN = SettingsLoader.defaults().train();
    private static final InputShape MNIST = new InputShape(1, 28, 28, 10);

    @Test
    void lenet300CountsEachDenseProduct() {
        assertThat(ForwardCost.macsPerImageByLayer(Architectures.build("lenet300-100", MNIST, TRAIN, 1), MNIST))
                .containsExactly(Map.entry("ip1", 784L * 300), Map.entry("ip2", 300L * 100), Map.entry("ip3", 100L * 10));
    }

    @Test
    void lenet5CountsConvolutionsOverTheirOutputPositions() {
        // conv1: 20 filters of 5x5x1 at 24x24 positions; conv2: 50 of 5x5x20 at 8x8; ip1: 800 x 500; ip2: 500 x 10
        assertThat(ForwardCost.macsPerImageByLayer(Architectures.build("lenet5", MNIST, TRAIN, 1), MNIST))
                .containsExactly(Map.entry("conv1", 20L * 25 * 576), Map.entry("conv2", 50L * 500 * 64),
                        Map.entry("ip1", 800L * 500), Map.entry("ip2", 500L * 10));
        assertThat(ForwardCost.macsPerImage(Architectures.build("lenet5", MNIST, TRAIN, 1), MNIST)).isEqualTo(2_293_000L);
    }

    @Test
    void theScoringKernelAndTheFastTrainingStepCountTheSameWork() {
        for (String arch : new String[] {"lenet300-100", "lenet5"}) {
            MultiLayerNetwork net = Architectures.build(arch, MNIST, TRAIN, 1);
            long macs = ForwardCost.macsPerImage(net, MNIST);
            assertThat(ForwardPlan.of(net).macsPerImage()).as(arch + " scoring kernel").isEqualTo(macs);
            assertThat(FastTrainingStep.of(net).forwardMacsPerExample()).as(arch + " training step").isEqualTo(macs);
        }
    }
}
