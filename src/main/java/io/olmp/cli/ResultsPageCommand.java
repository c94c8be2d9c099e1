package io.olmp.cli;

import io.olmp.compare.ResultsPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp results-page}: regenerates the tables of docs/results.md from docs/results/*.json. */
@Command(name = "results-page", mixinStandardHelpOptions = true,
        header = "Regenerate the results page's tables from the committed result files.",
        description = {"Rewrites the generated block of PAGE (between its results:begin and results:end markers)",
                "from the result.json copies in DIR: one row per run with its delivered model, the test-split",
                "frontier of its loop ends, and the published figures."})
final class ResultsPageCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", description = "result files (default: ${DEFAULT-VALUE})")
    Path results = Path.of("docs/results");

    @Option(names = "--page", paramLabel = "PAGE", description = "page to update (default: ${DEFAULT-VALUE})")
    Path page = Path.of("docs/results.md");

    @Override
    public Integer call() throws Exception {
        ResultsPage.update(page, results);
        System.out.println("results-page: updated " + page + " from " + ResultsPage.resultFiles(results).size()
                + " result files in " + results);
        return 0;
    }
}
