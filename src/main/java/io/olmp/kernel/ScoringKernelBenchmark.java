package io.olmp.kernel;


import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Scoring throughput of the kernel against DL4J's {@code output()} on the same masked networks and
 * against the ND4J float matrix-product rate, all measured in one process. A generation is popN
 * candidates pruning a seeded random percentage of every layer within a given range (80-99 % by
 * default), scored on every image given; its time includes masking. The kernel is timed as it
 * runs (direct lane where the network has one) and on its exact product path alone. GFLOP/s count 2 x the multiply-accumulates of the dense (unpruned) forward
 * pass. Each figure is the best of the timed repetitions, after one warm-up.
 */
public final class ScoringKernelBenchmark {

    /** Paper setting: 15 loops x 160 generations of popN 10 on 6,000 validation images. */
    public static final long PAPER_IMAGE_CANDIDATES = 15L * 160 * 10 * 6000;

    /** One network's figures. */
    public record NetRate(String architecture, int images, int candidates, long macsPerImage, String prunedPercent,
                          double keptMacFraction, int directCandidates, long recomputedRows,
                          double exactPathSecondsPerGeneration,
                          double kernelSecondsPerGeneration, double kernelImageCandidatesPerSecond, double kernelGflops,
                          int dl4jCandidates, double dl4jImageCandidatesPerSecond, double dl4jGflops,
                          double speedupOverDl4j, double fractionOfMmul, double projectedPaperScoringSeconds,
                          int agreeingPredictions, int comparedPredictions) {}

    public record Result(double mmulGflops, List<NetRate> nets) {}

    private ScoringKernelBenchmark() {}

    /**
     * @param nets           built networks by architecture name (their input must match the pixels)
     * @param pixels         flattened C x H x W images
     * @param images         how many images of pixels to score
     * @param dl4jCandidates how many of the candidates DL4J also scores (LeNet-5 in DL4J is slow)
     * @param mmulGflops     the ND4J float matrix-product rate measured in the same process
     */
    public static Result run(Map<String, MultiLayerNetwork> nets, float[] pixels, int images, int candidates,
                             int dl4jCandidates, int repetitions, double mmulGflops, Consumer<String> log) {
        return run(nets, pixels, images, candidates, dl4jCandidates, repetitions, mmulGflops, 80, 99, log);
    }

    /** @param prunedLow, prunedHigh the range of the percentage each candidate prunes of each layer */
    public static Result run(Map<String, MultiLayerNetwork> nets, float[] pixels, int images, int candidates,
                             int dl4jCandidates, int repetitions, double mmulGflops, double prunedLow,
                             double prunedHigh, Consumer<String> log) {
        double best = mmulGflops;
        List<NetRate> rates = new ArrayList<>();
        for (Map.Entry<String, MultiLayerNetwork> e : nets.entrySet()) {
            NetRate r = net(e.getKey(), e.getValue(), pixels, images, candidates, dl4jCandidates, repetitions, best,
                    prunedLow, prunedHigh);
            log.accept(String.format("%s: candidates pruning %s %% of each layer keep %.1f %% of the multiply-adds; "
                            + "%d of %d on the direct lane, %d rows recomputed on the exact path; exact path alone %.2f s "
                            + "per generation", r.architecture(), r.prunedPercent(), 100 * r.keptMacFraction(),
                    r.directCandidates(), r.candidates(), r.recomputedRows(), r.exactPathSecondsPerGeneration()));
            log.accept(String.format("%s: kernel %.2f s per generation = %,.0f img x cand/s = %.1f GFLOP/s (%.0f %% of mmul); "
                            + "DL4J output() %,.0f img x cand/s = %.1f GFLOP/s; speed-up %.2fx; paper-run scoring %.1f h; "
                            + "%d/%d predictions agree",
                    r.architecture(), r.kernelSecondsPerGeneration(), r.kernelImageCandidatesPerSecond(), r.kernelGflops(),
                    100 * r.fractionOfMmul(), r.dl4jImageCandidatesPerSecond(), r.dl4jGflops(), r.speedupOverDl4j(),
                    r.projectedPaperScoringSeconds() / 3600, r.agreeingPredictions(), r.comparedPredictions()));
            rates.add(r);
        }
        return new Result(best, rates);
    }

    private static NetRate net(String architecture, MultiLayerNetwork net, float[] pixels, int images, int candidates,
                               int dl4jCandidates, int repetitions, double mmulGflops, double prunedLow,
                               double prunedHigh) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer.paramTable().containsKey("W")) {
                weights.put(layer.conf().getLayer().getLayerName(), layer.getParam("W"));
            }
        }
        List<Map<String, Double>> generation = generation(weights, candidates, prunedLow, prunedHigh);
        ScoringKernel kernel = new ScoringKernel(net, weights, 2000, ScoringKernel.DEFAULT_BUFFER_FLOATS);
        ScoringKernel exactPath = new ScoringKernel(net, weights, 2000, ScoringKernel.DEFAULT_BUFFER_FLOATS,
                ScoringKernel.DEFAULT_LANES, -1);
        long macs = kernel.plan().macsPerImage();

        Timed timed = bestOf(kernel, generation, pixels, images, repetitions);
        int[][] predicted = timed.predicted();
        double kernelSeconds = timed.seconds();
        long recomputed = kernel.recomputedRows() / (repetitions + 1);
        List<MaskedCandidate> masked = generation.stream().map(kernel::mask).toList();
        int direct = kernel.generation(masked).directCount();
        double keptMacs = masked.stream().mapToDouble(m -> m.keptMacFraction).average().orElse(1);
        Timed exact = bestOf(exactPath, generation, pixels, images, repetitions);
        double exactSeconds = exact.seconds();
        if (!Arrays.deepEquals(predicted, exact.predicted())) {
            throw new IllegalStateException(architecture + ": the kernel's predictions differ from its exact path's");
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
        return new NetRate(architecture, images, candidates, macs,
                String.format(java.util.Locale.ROOT, "%.0f-%.0f", prunedLow, prunedHigh), keptMacs, direct, recomputed,
                exactSeconds, kernelSeconds, kernelRate, kernelGflops,
                dl4jCandidates, dl4jRate, 2.0 * macs * dl4jRate / 1e9, kernelRate / dl4jRate, kernelGflops / mmulGflops,
                PAPER_IMAGE_CANDIDATES / kernelRate, agree, images * dl4jCandidates);
    }

    /** The best time of the timed repetitions (after one warm-up) and the predictions. */
    private record Timed(double seconds, int[][] predicted) {}

    /** One generation masked and scored by the kernel, one warm-up plus the timed repetitions. */
    private static Timed bestOf(ScoringKernel kernel, List<Map<String, Double>> generation, float[] pixels, int images,
                                int repetitions) {
        double best = Double.MAX_VALUE;
        int[][] predicted = null;
        for (int r = 0; r <= repetitions; r++) {
            long t0 = System.nanoTime();
            predicted = kernel.predict(kernel.generation(generation.stream().map(kernel::mask).toList()), pixels, 0, images);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                best = Math.min(best, s);
            }
        }
        return new Timed(best, predicted);
    }

    /** Seeded candidates pruning low-high % of every layer (thresholds are magnitude percentiles). */
    static List<Map<String, Double>> generation(Map<String, INDArray> weights, int candidates, double low, double high) {
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
            sorted.forEach((name, m) -> t.put(name, (double) m[(int) ((low + (high - low) * random.nextDouble()) / 100 * (m.length - 1))]));
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
