package io.olmp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olmp.bench.MatmulPeak;
import io.olmp.bench.NcsOverhead;
import io.olmp.bench.PeakMemory;
import io.olmp.config.OlmpSettings;
import io.olmp.data.DataSplits;
import io.olmp.data.LabeledImages;
import io.olmp.bench.SparkOverheadBenchmark;
import io.olmp.model.Architectures;
import io.olmp.model.InputShape;
import io.olmp.model.ModelFiles;
import io.olmp.pipeline.DataPreparation;
import io.olmp.pipeline.ReferenceTraining;
import io.olmp.kernel.ScoringKernelBenchmark;
import io.olmp.bench.TrainingBenchmark;
import io.olmp.model.Batches;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code olmp bench}: in one process, the machine's arithmetic limit (ND4J float GEMM), candidate-scoring
 * throughput against plain DL4J inference with the achieved multiply-accumulate rate, the driver's NCS cost per
 * generation, optionally Spark's per-generation overhead, and the peak resident memory; JSON into {@code --out}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Benchmarks: GEMM peak, scoring, training, NCS and Spark overhead, memory.",
        description = {"Benchmarks in one process: ND4J float matrix-product peak, candidate scoring (images x candidates",
                "per second for one generation of masked candidates, against plain DL4J output() of the same net, with",
                "achieved GFLOP/s = 2 x multiply-accumulates of the dense forward pass), NCS driver overhead per",
                "generation, Spark per-generation overhead (--spark), peak RSS."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--arch", split = ",", description = "architectures (default: ${DEFAULT-VALUE})")
    List<String> architectures = List.of("lenet300-100", "lenet5");

    @Option(names = "--candidates", description = "candidates per generation (default: ${DEFAULT-VALUE})")
    int candidates = 10;

    @Option(names = "--repetitions", description = "timed repetitions after one warm-up (default: ${DEFAULT-VALUE})")
    int repetitions = 3;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "also time one generation on Spark with this master (e.g. local[2]) against in-process scoring")
    String sparkMaster;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON results (default: ${DEFAULT-VALUE})")
    Path out = Path.of("bench/bench.json");

    @Option(names = "--dl4j-candidates", description = "candidates DL4J output() also scores for the convolutional nets"
            + " (slow; default: ${DEFAULT-VALUE}); LeNet-300-100 compares all")
    int dl4jCandidates = 2;

    @Option(names = "--train-iterations", description = "timed training iterations per path (default: ${DEFAULT-VALUE})")
    int trainIterations = 10;

    @Option(names = "--pruned", paramLabel = "LOW-HIGH", converter = PrunedRange.Converter.class,
            description = "percent of each layer a scoring candidate prunes, drawn per layer from this range"
                    + " (default: ${DEFAULT-VALUE})")
    PrunedRange pruned = new PrunedRange(80, 99);

    /** The range of the percentage of each layer a benchmark candidate prunes. */
    record PrunedRange(double low, double high) {
        PrunedRange {
            if (!(0 <= low && low <= high && high < 100)) {
                throw new IllegalArgumentException("--pruned: need 0 <= LOW <= HIGH < 100, got " + low + "-" + high);
            }
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.0f-%.0f", low, high);
        }

        static final class Converter implements picocli.CommandLine.ITypeConverter<PrunedRange> {
            @Override
            public PrunedRange convert(String value) {
                String[] parts = value.split("-");
                if (parts.length != 2) {
                    throw new picocli.CommandLine.TypeConversionException("--pruned: expected LOW-HIGH such as 80-99, got '"
                            + value + "'");
                }
                try {
                    return new PrunedRange(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
                } catch (NumberFormatException e) {
                    throw new picocli.CommandLine.TypeConversionException("--pruned: not a number in '" + value + "'");
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.TypeConversionException(e.getMessage());
                }
            }
        }
    }

    /** A paper-setting run's projected compute on this machine: scoring plus training, no Spark overhead. */
    record Projection(String architecture, double scoringHours, double trainingHours, double totalHours) {}

    @Override
    public Integer call() throws Exception {
        OlmpSettings settings = config.load();
        DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("cpu", cpuModel());
        report.put("data", settings.data().source() + " validation " + splits.validation().count() + " images, train batches of "
                + settings.train().batchSize());

        MatmulPeak.Result matmul = MatmulPeak.measure(Math.max(5, repetitions));
        for (MatmulPeak.Shape s : matmul.shapes()) {
            System.out.printf("matmul  %,6d x %,4d . %,4d x %,4d  %7.4f s  %6.1f GFLOP/s%n", s.m(), s.k(), s.k(), s.n(),
                    s.seconds(), s.gflops());
        }
        double peak = matmul.peakGflops();
        System.out.printf("matmul  peak %.1f GFLOP/s (float32, ND4J gemm): the rate the targets below refer to%n", peak);
        report.put("matmul", matmul);

        LabeledImages validation = splits.validation().inMemory();
        InputShape shape = ReferenceTraining.inputShape(validation);
        List<ScoringKernelBenchmark.NetRate> scoring = new ArrayList<>();
        List<TrainingBenchmark.Result> training = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        Batches batches = new Batches(splits.train(), settings.train().batchSize(), 1);
        for (String arch : architectures) {
            MultiLayerNetwork net = Architectures.build(arch, shape, settings.train(), 1);
            int compared = arch.equals("lenet300-100") ? candidates : Math.min(dl4jCandidates, candidates);
            ScoringKernelBenchmark.NetRate rate = ScoringKernelBenchmark.run(Map.of(arch, net), validation.pixels(),
                    validation.count(), candidates, compared, repetitions, peak, pruned.low(), pruned.high(),
                    System.out::println).nets().get(0);
            scoring.add(rate);
            TrainingBenchmark.Result train = TrainingBenchmark.measure(net, batches, 2, trainIterations, peak);
            System.out.printf("%s: training batch %d: DL4J fit %.3f s/iteration, fast step %.4f s/iteration (%.1fx), "
                            + "%.1f GFLOP/s = %.0f %% of peak, %.2f iterations/s%n", arch, train.batchSize(),
                    train.dl4jSeconds(), train.fastSeconds(), train.speedup(), train.achievedGflops(),
                    100 * train.fractionOfMmul(), train.iterationsPerSecond());
            training.add(train);
            for (var part : train.stages()) {
                System.out.printf("%s:   %-24s forward %7.2f ms  backward %7.2f ms%n", arch, part.part(),
                        part.forwardMillis(), part.backwardMillis());
            }
            double scoringHours = rate.projectedPaperScoringSeconds() / 3600;
            projections.add(new Projection(arch, scoringHours, train.paperTrainingHours(),
                    scoringHours + train.paperTrainingHours()));
        }
        System.out.printf("%-13s %15s %15s %8s %9s %13s %13s %8s %9s%n", "architecture", "score img*c/s", "DL4J img*c/s",
                "speed-up", "of peak", "train s/it", "DL4J s/it", "speed-up", "of peak");
        for (int i = 0; i < scoring.size(); i++) {
            ScoringKernelBenchmark.NetRate s = scoring.get(i);
            TrainingBenchmark.Result t = training.get(i);
            System.out.printf("%-13s %,15.0f %,15.0f %7.2fx %8.1f%% %13.4f %13.3f %7.1fx %8.1f%%%n", s.architecture(),
                    s.kernelImageCandidatesPerSecond(), s.dl4jImageCandidatesPerSecond(), s.speedupOverDl4j(),
                    100 * s.fractionOfMmul(), t.fastSeconds(), t.dl4jSeconds(), t.speedup(), 100 * t.fractionOfMmul());
        }
        for (Projection p : projections) {
            System.out.printf("%s paper-setting run on this machine: scoring %.1f h (%,d image x candidate scorings) + "
                            + "training %.1f h (%,d iterations) = %.1f h%n", p.architecture(), p.scoringHours(),
                    ScoringKernelBenchmark.PAPER_IMAGE_CANDIDATES, p.trainingHours(), TrainingBenchmark.PAPER_ITERATIONS,
                    p.totalHours());
        }
        report.put("scoring", scoring);
        report.put("training", training);
        report.put("paperRunProjection", projections);

        List<NcsOverhead.Result> ncs = new ArrayList<>();
        for (int dimension : new int[] {3, 4, 8}) {
            NcsOverhead.Result r = NcsOverhead.measure(dimension, candidates, 200);
            ncs.add(r);
            System.out.printf("ncs  dimension %d, popN %d: step %.1f us, checkpoint %.1f us per generation%n",
                    r.dimension(), r.population(), r.stepMicros(), r.checkpointMicros());
        }
        report.put("ncs", ncs);

        List<SparkOverheadBenchmark.Result> sparkResults = new ArrayList<>();
        if (sparkMaster != null) {
            try (SparkSession session = SparkSession.builder().master(sparkMaster).appName("olmp-bench")
                    .config("spark.ui.enabled", "false").getOrCreate()) {
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
                for (String arch : architectures) {
                    sparkResults.add(SparkOverheadBenchmark.run(jsc, arch, validation, settings.train(),
                            candidates, settings.scoring().shardSize(), repetitions, System.out::println));
                }
            }
            System.out.printf("%-14s %10s %7s %14s %10s %7s %16s%n", "architecture", "master", "shards",
                    "in-process s", "Spark s", "ratio", "fixed cost ms");
            for (SparkOverheadBenchmark.Result r : sparkResults) {
                System.out.printf("%-14s %10s %7d %14.3f %10.3f %6.2fx %16.0f%n", r.architecture(), r.master(), r.shards(),
                        r.inProcessSeconds(), r.sparkSeconds(), r.ratio(), 1000 * r.fixedCostSeconds());
            }
        }
        report.put("spark", sparkResults);
        report.put("peakRssBytes", PeakMemory.peakRssBytes().orElse(-1));
        report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        System.out.println("bench: " + PeakMemory.describePeak() + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB");
        ModelFiles.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        System.out.println("bench: wrote " + out);
        return 0;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
