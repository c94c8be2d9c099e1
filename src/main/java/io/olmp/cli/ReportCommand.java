package io.olmp.cli;

import io.olmp.report.html.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code olmp report DIR}: DIR/report.html from the run tables and result.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write report.html for a run, finished or still running.",
        description = {"Write DIR/report.html for the run in DIR (finished or still running): result summary,",
                "size table, search cost, plots of the search, accuracy, sparsity and candidates."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "output folder of an olmp run (holds tables/)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        System.out.println("report: " + RunReport.write(dir));
        return 0;
    }
}
