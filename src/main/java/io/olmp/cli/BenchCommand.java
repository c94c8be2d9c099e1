package io.olmp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olmp.config.OlmpSettings;
import io.olmp.data.DataSplits;
import io.olmp.model.ModelFiles;
import io.olmp.pipeline.DataPreparation;
import io.olmp.distributed.SparkOverheadBenchmark;
import io.olmp.pipeline.ScoringBenchmark;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code olmp bench scoring}: candidate-scoring throughput vs plain DL4J inference. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Candidate-scoring throughput (images x candidates per second, one generation of masked",
                "candidates) against plain DL4J output() of the same net on the validation split, per architecture."})
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
    Path out = Path.of("bench/scoring.json");

    @Override
    public Integer call() throws Exception {
        OlmpSettings settings = config.load();
        DataSplits splits = DataPreparation.prepare(settings.data(), System.out::println);
        List<ScoringBenchmark.Result> results = new ArrayList<>();
        for (String arch : architectures) {
            results.add(ScoringBenchmark.run(arch, splits.validation(), settings.train(), candidates, repetitions,
                    System.out::println));
        }
        System.out.printf("%-14s %8s %6s %18s %24s %7s%n", "architecture", "images", "cand", "plain img/s",
                "masked img x cand/s", "ratio");
        for (ScoringBenchmark.Result r : results) {
            System.out.printf("%-14s %,8d %6d %,18.0f %,24.0f %6.2fx%n", r.architecture(), r.images(), r.candidates(),
                    r.plainImagesPerSecond(), r.maskedImageCandidatesPerSecond(), r.ratio());
        }
        List<SparkOverheadBenchmark.Result> sparkResults = new ArrayList<>();
        if (sparkMaster != null) {
            try (SparkSession session = SparkSession.builder().master(sparkMaster).appName("olmp-bench")
                    .config("spark.ui.enabled", "false").getOrCreate()) {
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
                for (String arch : architectures) {
                    sparkResults.add(SparkOverheadBenchmark.run(jsc, arch, splits.validation(), settings.train(),
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
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("data", settings.data().source() + " validation");
        report.put("results", results);
        report.put("spark", sparkResults);
        ModelFiles.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        System.out.println("bench: wrote " + out);
        return 0;
    }
}
