package io.olmp.kernel;

import io.olmp.config.DataSettings;
import io.olmp.config.SettingsLoader;
import io.olmp.config.TrainSettings;
import io.olmp.data.DataSpec;
import io.olmp.data.Datasets;
import io.olmp.data.LabeledImages;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Scoring throughput of the kernel against DL4J's {@code output()} on the same masked networks and
 * against the ND4J float matrix-product rate, all measured in one process. A generation is popN
 * candidates pruning 80-99 % of every layer (seeded), scored on every image given; its time
 * includes masking. GFLOP/s count 2 x the multiply-accumulates of the dense (unpruned) forward
 * pass. Each figure is the best of the timed repetitions, after one warm-up.
 */
public final class ScoringKernelBenchmark {

    /** Paper setting: 15 loops x 160 generations of popN 10 on 6,000 validation images. */
    public static final long PAPER_IMAGE_CANDIDATES = 15L * 160 * 10 * 6000;

    /** A matrix product's shape and its best rate. */
    public record Mmul(String label, int m, int k, int n, double gflops) {}

    /** One network's figures. */
    public record NetRate(String architecture, int images, int candidates, long macsPerImage,
                          double kernelSecondsPerGeneration, double kernelImageCandidatesPerSecond, double kernelGflops,
                          int dl4jCandidates, double dl4jImageCandidatesPerSecond, double dl4jGflops,
                          double speedupOverDl4j, double fractionOfMmul, double projectedPaperScoringSeconds,
                          int agreeingPredictions, int comparedPredictions) {}

    public record Result(List<Mmul> mmuls, double mmulGflops, List<NetRate> nets) {}

    private ScoringKernelBenchmark() {}

    /**
     * @param nets           built networks by architecture name (their input must match the pixels)
     * @param pixels         flattened C x H x W images
     * @param images         how many images of pixels to score
     * @param dl4jCandidates how many of the candidates DL4J also scores (LeNet-5 in DL4J is slow)
     */
    public static Result run(Map<String, MultiLayerNetwork> nets, float[] pixels, int images, int candidates,
                             int dl4jCandidates, int repetitions, Consumer<String> log) {
        List<Mmul> mmuls = List.of(mmul("dense 6000x784 . 784x300", 6000, 784, 300, repetitions),
                mmul("conv 8192x500 . 500x50", 8192, 500, 50, repetitions),
                mmul("square 1024x1024 . 1024x1024", 1024, 1024, 1024, repetitions));
        mmuls.forEach(m -> log.accept(String.format("mmul %-30s %6.1f GFLOP/s", m.label(), m.gflops())));
        double best = mmuls.stream().mapToDouble(Mmul::gflops).max().orElse(0);
        List<NetRate> rates = new ArrayList<>();
        for (Map.Entry<String, MultiLayerNetwork> e : nets.entrySet()) {
            NetRate r = net(e.getKey(), e.getValue(), pixels, images, candidates, dl4jCandidates, repetitions, best);
            log.accept(String.format("%s: kernel %.2f s per generation = %,.0f img x cand/s = %.1f GFLOP/s (%.0f %% of mmul); "
                            + "DL4J output() %,.0f img x cand/s = %.1f GFLOP/s; speed-up %.2fx; paper-run scoring %.1f h; "
                            + "%d/%d predictions agree",
                    r.architecture(), r.kernelSecondsPerGeneration(), r.kernelImageCandidatesPerSecond(), r.kernelGflops(),
                    100 * r.fractionOfMmul(), r.dl4jImageCandidatesPerSecond(), r.dl4jGflops(), r.speedupOverDl4j(),
                    r.projectedPaperScoringSeconds() / 3600, r.agreeingPredictions(), r.comparedPredictions()));
            rates.add(r);
        }
        return new Result(mmuls, best, rates);
    }

    /**
     * Manual run on the Fashion-MNIST validation split (fetch it first: {@code ./olmp data fetch fashion-mnist}):
     * {@code java -cp ... io.olmp.kernel.ScoringKernelBenchmark [dl4jCandidatesLenet5] [repetitions]}.
     */
    public static void main(String[] args) throws Exception {
        int lenet5Dl4j = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        DataSettings d = SettingsLoader.load(Optional.empty(), List.of("data.source=fashion-mnist")).data();
        LabeledImages validation = Datasets.load(new DataSpec.Source(d.source(), d.dir(), d.splitSeed(), d.validation(),
                d.test())).validation();
        TrainSettings train = SettingsLoader.load(Optional.empty(), List.of()).train();
        InputShape shape = new InputShape(validation.channels(), validation.height(), validation.width(),
                validation.numClasses());
        System.out.println("scoring benchmark on " + validation + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, ND4J " + Nd4j.getExecutioner().getEnvironmentInformation().get("blas.vendor"));
        Result lenet300 = run(Map.of("lenet300-100", Architectures.build("lenet300-100", shape, train, 1)),
                validation.pixels(), validation.count(), 10, 10, repetitions, System.out::println);
        Result lenet5 = run(Map.of("lenet5", Architectures.build("lenet5", shape, train, 1)),
                validation.pixels(), validation.count(), 10, lenet5Dl4j, repetitions, System.out::println);
        System.out.println(lenet300);
        System.out.println(lenet5);
    }

    static Mmul mmul(String label, int m, int k, int n, int repetitions) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n).dup('f');
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'f');
        double bestSeconds = Double.MAX_VALUE;
        for (int r = 0; r <= repetitions; r++) {
            long t0 = System.nanoTime();
            int times = 5;
            for (int i = 0; i < times; i++) {
                a.mmuli(b, c);
            }
            double s = (System.nanoTime() - t0) / 1e9 / times;
            if (r > 0) {
                bestSeconds = Math.min(bestSeconds, s);
            }
        }
        return new Mmul(label, m, k, n, 2.0 * m * k * n / bestSeconds / 1e9);
    }

    private static NetRate net(String architecture, MultiLayerNetwork net, float[] pixels, int images, int candidates,
                               int dl4jCandidates, int repetitions, double mmulGflops) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer.paramTable().containsKey("W")) {
                weights.put(layer.conf().getLayer().getLayerName(), layer.getParam("W"));
            }
        }
        List<Map<String, Double>> generation = generation(weights, candidates);
        ScoringKernel kernel = new ScoringKernel(net, weights, 2000, ScoringKernel.DEFAULT_BUFFER_FLOATS);
        long macs = kernel.plan().macsPerImage();

        double kernelSeconds = Double.MAX_VALUE;
        int[][] predicted = null;
        for (int r = 0; r <= repetitions; r++) {
            long t0 = System.nanoTime();
            List<MaskedCandidate> masked = generation.stream().map(kernel::mask).toList();
            predicted = kernel.predict(kernel.generation(masked), pixels, 0, images);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                kernelSeconds = Math.min(kernelSeconds, s);
            }
        }

        int featureLength = kernel.plan().input().size();
        double dl4jSeconds = Double.MAX_VALUE;
        int agree = 0;
        List<MultiLayerNetwork> maskedNets = new ArrayList<>();
        for (int c = 0; c < dl4jCandidates; c++) {
            maskedNets.add(masked(net, weights, generation.get(c)));
        }
        for (int r = 0; r <= repetitions; r++) {
            long t0 = System.nanoTime();
            int agreeing = 0;
            for (int c = 0; c < dl4jCandidates; c++) {
                for (int from = 0; from < images; from += 2000) {
                    int to = Math.min(images, from + 2000);
                    float[] chunk = Arrays.copyOfRange(pixels, from * featureLength, to * featureLength);
                    int[] expected = maskedNets.get(c).output(Nd4j.create(chunk, new long[] {to - from, featureLength}, 'c'),
                            false).argMax(1).toIntVector();
                    for (int i = 0; i < expected.length; i++) {
                        agreeing += expected[i] == predicted[c][from + i] ? 1 : 0;
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                dl4jSeconds = Math.min(dl4jSeconds, s);
            }
            agree = agreeing;
        }
        double kernelRate = (double) images * candidates / kernelSeconds;
        double dl4jRate = (double) images * dl4jCandidates / dl4jSeconds;
        double kernelGflops = 2.0 * macs * kernelRate / 1e9;
        return new NetRate(architecture, images, candidates, macs, kernelSeconds, kernelRate, kernelGflops,
                dl4jCandidates, dl4jRate, 2.0 * macs * dl4jRate / 1e9, kernelRate / dl4jRate, kernelGflops / mmulGflops,
                PAPER_IMAGE_CANDIDATES / kernelRate, agree, images * dl4jCandidates);
    }

    /** Seeded candidates pruning 80-99 % of every layer (thresholds are magnitude percentiles). */
    static List<Map<String, Double>> generation(Map<String, INDArray> weights, int candidates) {
        Map<String, float[]> sorted = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            float[] m = Transforms.abs(w, true).dup('c').data().asFloat();
            Arrays.sort(m);
            sorted.put(name, m);
        });
        SplittableRandom random = new SplittableRandom(7);
        List<Map<String, Double>> generation = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            Map<String, Double> t = new LinkedHashMap<>();
            sorted.forEach((name, m) -> t.put(name, (double) m[(int) ((80 + 19 * random.nextDouble()) / 100 * (m.length - 1))]));
            generation.add(t);
        }
        return generation;
    }

    private static MultiLayerNetwork masked(MultiLayerNetwork net, Map<String, INDArray> weights, Map<String, Double> t) {
        MultiLayerNetwork copy = net.clone();
        weights.forEach((name, w) -> {
            INDArray param = copy.getLayer(name).getParam("W");
            param.muli(Transforms.abs(param, true).gte(t.get(name)).castTo(param.dataType()));
        });
        return copy;
    }
}
