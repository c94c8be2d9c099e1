package io.olmp.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.olmp.result.LoopRecord;
import io.olmp.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The results page shows exactly what the committed result files say. */
class ResultsPageTest {

    private static final Path PAGE = Path.of("docs/results.md");
    private static final Path RESULTS = Path.of("docs/results");

    @Test
    void theCommittedPageIsGeneratedFromTheCommittedResultFiles() throws Exception {
        assertThat(PAGE).isRegularFile();
        assertThat(ResultsPage.resultFiles(RESULTS)).isNotEmpty();
        assertThat(ResultsPage.current(PAGE))
                .as("docs/results.md is stale: run ./olmp results-page")
                .isEqualTo(ResultsPage.block(RESULTS));
    }

    @Test
    void everyResultFileIsNamedAfterItsNetworkDataAndMethod() throws Exception {
        for (Path file : ResultsPage.resultFiles(RESULTS)) {
            RunResult r = ResultFiles.readFile(file);
            assertThat(file.getFileName().toString())
                    .isEqualTo(r.architecture() + "-" + r.dataSource() + "-" + r.method() + ".json");
        }
    }

    @Test
    void theLooseFrontierIsTheMostCompressedLoopEnd() throws Exception {
        for (Path file : ResultsPage.resultFiles(RESULTS)) {
            RunResult r = ResultFiles.readFile(file);
            double best = r.loopRecords().stream().mapToDouble(LoopRecord::compressionRatio).max().orElse(1);
            assertThat(ResultsPage.frontier(r, 100)).startsWith(String.format(Locale.ROOT, "%.1fx", best));
        }
        assertThat(Files.readString(PAGE)).contains(ResultsPage.BEGIN).contains(ResultsPage.END);
    }
}
