package io.olmp.baseline;

import io.olmp.cli.Main;
import io.olmp.compare.ResultFiles;
import io.olmp.config.OlmpSettings;
import io.olmp.config.SettingsLoader;
import io.olmp.data.DataSplits;
import io.olmp.data.LabeledImages;
import io.olmp.data.TestFixtures;
import io.olmp.model.Architectures;
import io.olmp.model.ReferenceTrainer;
import io.olmp.scoring.ShardCounters;
import io.olmp.result.LoopRecord;
import io.olmp.result.RunResult;
import io.olmp.pipeline.ReferenceTraining;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The three baselines end to end on real digits (the committed 300-image npm sample: 200 train,
 * 50 validation, 50 test) with a LeNet-300-100 trained briefly on them, tiny settings
 * (fixed masks, 5 adjusting iterations), then olmp compare on their folders.
 */
class BaselinePipelineTest {

    @TempDir
    static Path tmp;

    private static DataSplits splits;
    private static MultiLayerNetwork reference;
    private static final Map<String, RunResult> RESULTS = new LinkedHashMap<>();
    private static final Map<String, List<String>> LOGS = new LinkedHashMap<>();

    private static OlmpSettings settings(String... overrides) {
        List<String> all = new ArrayList<>(List.of("train.batch-size=32", "train.iterations=60",
                "train.progress-every=1000", "prune.adjust-mode=fixed-mask", "prune.adjust-iterations=5",
                "search.population=4"));
        all.addAll(List.of(overrides));
        return SettingsLoader.load(Optional.empty(), all);
    }

    @BeforeAll
    static void runTheBaselines() throws IOException {
        LabeledImages digits = TestFixtures.mnistSampleShuffled(7);
        splits = new DataSplits(digits.subset(IntStream.range(0, 200).toArray(), "train"),
                digits.subset(IntStream.range(200, 250).toArray(), "validation"),
                digits.subset(IntStream.range(250, 300).toArray(), "test"), Map.of());
        OlmpSettings train = settings();
        reference = Architectures.build("lenet300-100", ReferenceTraining.inputShape(splits.train().inMemory()), train.train(), 3);
        new ReferenceTrainer(train.train(), 9, p -> {}).train(reference, splits.train().inMemory(), 0, (n, i) -> {});

        for (String method : BaselineMethod.NAMES) {
            // 3 rungs of 0.7: a step cuts the kept weights by 30, 51 or 66 %
            run(method, settings("prune.loops=3", "prune.delta=0.1", "baseline.kept-factor=0.7", "baseline.rungs=3"));
        }
        // few sizes per step and a tight constraint against the reference: must stop early
        run("stop", settings("prune.loops=30", "prune.delta=0.04", "prune.baseline=reference",
                "baseline.kept-factor=0.3", "baseline.rungs=2"));
    }

    private static void run(String name, OlmpSettings s) throws IOException {
        List<String> log = new ArrayList<>();
        BaselineMethod method = BaselineMethod.byName(name.equals("stop") ? "global" : name);
        RunResult result = new BaselinePipeline(s, method, splits, tmp.resolve(name),
                ShardCounters.local(splits.validation().inMemory(), 2000), log::add).run(reference);
        RESULTS.put(name, result);
        LOGS.put(name, log);
    }

    @Test
    void everyMethodPrunesMoreAtEveryStep() {
        for (String method : BaselineMethod.NAMES) {
            RunResult r = RESULTS.get(method);
            assertThat(r.method()).isEqualTo(method);
            List<Long> kept = r.loopRecords().stream().filter(LoopRecord::feasibleFound).map(LoopRecord::kept).toList();
            assertThat(kept).as(method + " " + LOGS.get(method)).hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < kept.size(); i++) {
                assertThat(kept.get(i)).as(method + " step " + (i + 1)).isLessThan(kept.get(i - 1));
            }
            assertThat(kept.get(0)).isLessThanOrEqualTo(Math.round(266_200 * 0.7));
            assertThat(r.lastLoop().compressionRatio()).isGreaterThan(1 / 0.7 / 0.7 - 0.01);
            assertThat(r.evaluations()).isEqualTo(r.loopRecords().stream().mapToLong(LoopRecord::evaluations).sum())
                    .isPositive();
        }
    }

    @Test
    void eachStepMeetsTheConstraintAgainstItsStart() {
        for (String method : BaselineMethod.NAMES) {
            for (LoopRecord step : RESULTS.get(method).loopRecords()) {
                if (step.feasibleFound()) {
                    // 50 validation images, delta 0.1: at most 5 fewer correct than at the step start
                    assertThat(Math.round(step.searchAccuracy() * 50))
                            .isGreaterThanOrEqualTo(Math.round(step.loopStartValidationAccuracy() * 50) - 5);
                }
            }
        }
    }

    @Test
    void uniformPrunesEveryLayerAlikeAndGlobalUsesOneThreshold() {
        for (LoopRecord step : RESULTS.get("uniform").loopRecords()) {
            double overall = (double) step.kept() / step.size();
            step.keptByLayer().forEach((layer, kept) -> {
                long size = step.sizeByLayer().get(layer);
                // each layer rounds on its own; the overall fraction is the sum of rounded counts
                assertThat(Math.abs((double) kept / size - overall)).as(layer).isLessThanOrEqualTo(1.0 / size + 3.0 / step.size());
            });
        }
        for (LoopRecord step : RESULTS.get("global").loopRecords()) {
            assertThat(step.thresholds().values()).hasSize(3).containsOnly(step.thresholds().get("ip1"));
        }
        LoopRecord lamp = RESULTS.get("lamp").loopRecords().get(RESULTS.get("lamp").loopRecords().size() - 1);
        assertThat(lamp.keptByLayer().values()).allSatisfy(k -> assertThat(k).isPositive());
    }

    @Test
    void stopsAtTheFirstStepWithoutAFeasibleSize() {
        List<LoopRecord> steps = RESULTS.get("stop").loopRecords();
        LoopRecord last = steps.get(steps.size() - 1);
        assertThat(steps.size()).as(LOGS.get("stop").toString()).isLessThan(30).isGreaterThan(1);
        assertThat(last.feasibleFound()).isFalse();
        assertThat(steps.subList(0, steps.size() - 1)).allMatch(LoopRecord::feasibleFound);
        assertThat(last.kept()).as("the failing step prunes nothing").isEqualTo(steps.get(steps.size() - 2).kept());
        assertThat(LOGS.get("stop")).anyMatch(line -> line.contains("the baseline stops here"));
        RunResult r = RESULTS.get("stop");
        assertThat(r.loops()).isEqualTo(steps.size());
        // against the reference: every pruned step kept at least 48 - floor(0.04 * 50) = 46 - ... correct
        long referenceCorrect = Math.round(r.referenceValidationAccuracy() * 50);
        steps.stream().filter(LoopRecord::feasibleFound).forEach(s ->
                assertThat(Math.round(s.searchAccuracy() * 50)).isGreaterThanOrEqualTo(referenceCorrect - 2));
    }

    @Test
    void aRunKilledInItsSecondStepResumesToTheSameResult() throws IOException {
        OlmpSettings s = settings("prune.loops=3", "prune.delta=0.1", "baseline.kept-factor=0.7", "baseline.rungs=3");
        Path dir = tmp.resolve("killed");
        BaselinePipeline crashing = new BaselinePipeline(s, BaselineMethod.byName("lamp"), splits, dir,
                ShardCounters.local(splits.validation().inMemory(), 2000), line -> {
                    if (line.startsWith("step 2 done")) {
                        throw new IllegalStateException("killed");
                    }
                });
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> crashing.run(reference))).hasMessage("killed");
        assertThat(dir.resolve("result.json")).doesNotExist();

        List<String> log = new ArrayList<>();
        RunResult resumed = new BaselinePipeline(s, BaselineMethod.byName("lamp"), splits, dir,
                ShardCounters.local(splits.validation().inMemory(), 2000), log::add).run(reference);
        assertThat(log).contains("resume: step 2");
        RunResult uninterrupted = RESULTS.get("lamp");
        assertEquals(uninterrupted.keptByLayer(), resumed.keptByLayer());
        assertEquals(uninterrupted.finalValidationAccuracy(), resumed.finalValidationAccuracy());
        assertEquals(uninterrupted.finalTestAccuracy(), resumed.finalTestAccuracy());
        assertEquals(uninterrupted.loopRecords().stream().map(LoopRecord::thresholds).toList(),
                resumed.loopRecords().stream().map(LoopRecord::thresholds).toList());
    }

    @Test
    void writesAResultThatReadsBackAndAPrunedModel() throws IOException {
        for (String method : BaselineMethod.NAMES) {
            Path dir = tmp.resolve(method);
            RunResult read = ResultFiles.read(dir);
            assertEquals(RESULTS.get(method).compressionRatio(), read.compressionRatio());
            assertEquals(method, read.method());
            assertThat(dir.resolve("model/pruned.zip")).isRegularFile();
        }
    }

    @Test
    void olmpResultsWithoutAMethodFieldReadAsOlmp() throws IOException {
        Path dir = tmp.resolve("old-olmp");
        Files.createDirectories(dir);
        try (InputStream in = BaselinePipelineTest.class.getResourceAsStream("olmp-result-v1.json")) {
            Files.copy(in, dir.resolve("result.json"));
        }
        RunResult old = ResultFiles.read(dir);
        assertEquals("olmp", old.method());
        assertEquals(15, old.loopRecords().size());
    }

    @Test
    void compareSetsTheRunsSideBySide() throws IOException {
        Path out = tmp.resolve("compare");
        Files.createDirectories(out);
        String printed = cli(0, "compare", tmp.resolve("global").toString(), tmp.resolve("lamp").toString(),
                "--out", out.toString());
        List<String> lines = printed.lines().toList();
        assertThat(lines.get(0)).contains("method", "ratio", "reference test", "delivered test", "evaluations");
        assertThat(lines.get(1)).startsWith("global").contains(String.format("%.1fx", RESULTS.get("global").compressionRatio()));
        assertThat(lines.get(2)).startsWith("lamp").contains(String.format("%.1fx", RESULTS.get("lamp").compressionRatio()));
        assertThat(Files.readString(out.resolve("compare.html"))).contains("<td>global</td>", "<td>lamp</td>",
                "compare-ratio.png");
        for (String png : List.of("compare-ratio.png", "compare-accuracy.png")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4);
            assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void compareNamesTheMissingResultFile() {
        String printed = cli(2, "compare", tmp.resolve("global").toString(), tmp.toString());
        assertThat(printed).contains(tmp.resolve("result.json") + ": missing", "not a finished run or baseline");
    }

    private static String cli(int expectedExit, String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            assertEquals(expectedExit, Main.execute(args), () -> buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
