package io.olmp.report.html;

import io.olmp.files.AtomicFiles;
import io.olmp.report.RunTables;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes {@code <dir>/report.html} from the run's tables and result. */
public final class RunReport {

    public static final String FILE = "report.html";

    private RunReport() {}

    /**
     * Checks that {@code dir} holds run tables, then reads them in a local Spark session, stopped afterwards
     * unless it was already running.
     */
    public static Path write(Path dir) throws IOException {
        ReportData.requireTables(dir);
        boolean running = live(SparkSession.getActiveSession()) || live(SparkSession.getDefaultSession());
        SparkSession spark = RunTables.localSession();
        try {
            return write(spark, dir);
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }

    /** A stopped session can stay registered as this thread's active one; only a live one is running. */
    private static boolean live(scala.Option<SparkSession> session) {
        return session.isDefined() && !session.get().sparkContext().isStopped();
    }

    public static Path write(SparkSession spark, Path dir) throws IOException {
        // charts are drawn off-screen; without this AWT looks for a display
        System.setProperty("java.awt.headless", "true");
        String html = ReportPage.render(ReportData.read(spark, dir));
        Path target = dir.resolve(FILE);
        AtomicFiles.writeBytes(target, html.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /**
     * The report at the end of a run: a failure is logged and swallowed, because the run's
     * result is already written and must not be reported as failed for a page.
     */
    public static void writeAfterRun(Path dir, Consumer<String> log) {
        try {
            log.accept("report: " + write(dir));
        } catch (Exception | LinkageError e) {
            log.accept("report: WARNING could not write " + dir.resolve(FILE) + " (the run's result is intact; retry"
                    + " with olmp report " + dir + "): " + e);
        }
    }
}
