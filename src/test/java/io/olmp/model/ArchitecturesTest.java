package io.olmp.model;

import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArchitecturesTest {

    private static final TrainSettings TRAIN = SettingsLoader.defaults().train();
    private static final InputShape MNIST = new InputShape(1, 28, 28, 10);

    private static List<String> layerNames(MultiLayerConfiguration conf) {
        return conf.getConfs().stream().map(NeuralNetConfiguration::getLayer).map(l -> l.getLayerName()).toList();
    }

    @Test
    void lenet300100HasNamedLayersAndTheRightWeightCounts() {
        MultiLayerNetwork net = Architectures.build("lenet300-100", MNIST, TRAIN, 1);
        assertEquals(Map.of("ip1", 784L * 300, "ip2", 300L * 100, "ip3", 100L * 10), LayerWeights.sizes(net));
        assertEquals(266_610, net.numParams());
    }

    @Test
    void lenet5IsTheCaffeVariant() {
        MultiLayerNetwork net = Architectures.build("lenet5", MNIST, TRAIN, 1);
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "ip1", "ip2"), layerNames(net.getLayerWiseConfigurations()));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("conv1", 5L * 5 * 1 * 20);
        expected.put("conv2", 5L * 5 * 20 * 50);
        expected.put("ip1", 4L * 4 * 50 * 500);
        expected.put("ip2", 500L * 10);
        assertEquals(expected, LayerWeights.sizes(net));
        assertArrayEquals(new long[] {3, 10}, net.output(Nd4j.rand(3, 784)).shape());
    }

    @Test
    void alexnetHas256ClassesAndEveryLayerNamed() {
        MultiLayerConfiguration conf = Architectures.configuration("alexnet", new InputShape(3, 227, 227, 256), TRAIN, 1);
        assertThat(layerNames(conf)).containsExactly("conv1", "norm1", "pool1", "conv2", "norm2", "pool2", "conv3",
                "conv4", "conv5", "pool5", "fc6", "drop6", "fc7", "drop7", "fc8");
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Map<String, Long> sizes = LayerWeights.sizes(net);
        assertEquals(11L * 11 * 3 * 96, sizes.get("conv1"));
        assertEquals(6L * 6 * 256 * 4096, sizes.get("fc6"));
        assertEquals(4096L * 256, sizes.get("fc8"));
        assertArrayEquals(new long[] {1, 256}, net.output(Nd4j.rand(1, 3 * 227 * 227)).shape());
    }

    @Test
    void sameSeedSameInitialWeights() {
        MultiLayerNetwork a = Architectures.build("lenet5", MNIST, TRAIN, 7);
        MultiLayerNetwork b = Architectures.build("lenet5", MNIST, TRAIN, 7);
        MultiLayerNetwork c = Architectures.build("lenet5", MNIST, TRAIN, 8);
        assertEquals(a.params(), b.params());
        assertThat(a.params()).isNotEqualTo(c.params());
    }

    @Test
    void unknownArchitectureIsRejectedWithTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> Architectures.configuration("vgg", MNIST, TRAIN, 1));
        assertThat(e.getMessage()).contains("vgg").contains("lenet300-100");
    }
}
