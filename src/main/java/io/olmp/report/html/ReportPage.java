package io.olmp.report.html;

import io.olmp.export.ModelSizes;
import io.olmp.result.RunResult;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders {@link ReportData} as one self-contained page: no scripts, no external files, charts
 * as base64 PNG. The markup is well-formed XML (XHTML5 polyglot), so a test can parse it.
 */
final class ReportPage {

    /** Section ids, in page order. */
    static final List<String> SECTIONS = List.of("summary", "size", "cost", "search", "accuracy", "delivery", "sparsity",
            "candidates", "loops", "layers");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; margin: 24px auto; max-width: 1160px;
                   color: #222; font-size: 14px; }
            h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px;
                 border-bottom: 1px solid #ddd; padding-bottom: 3px; }
            .sub { color: #666; margin-top: 0; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: right; }
            th { background: #f4f4f4; } td.l, th.l { text-align: left; }
            .headline { font-size: 18px; margin: 10px 0; } .warn { color: #b00; }
            img { display: block; max-width: 100%; margin: 6px 0; }
            .note { color: #666; font-size: 12px; }
            """;

    private final StringBuilder html = new StringBuilder();

    private ReportPage() {}

    static String render(ReportData data) throws IOException {
        ReportPage page = new ReportPage();
        page.page(data);
        return page.html.toString();
    }

    private void page(ReportData d) throws IOException {
        ReportData.Run run = d.run();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>olmp report ").append(esc(run.runId())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>olmp report: ").append(esc(run.method())).append(" on ").append(esc(run.architecture()))
                .append(" / ").append(esc(run.dataSource())).append("</h1>\n<p class=\"sub\">run ")
                .append(esc(run.runId())).append(", status ").append(esc(run.status())).append("</p>\n");
        summary(d);
        sizes(d.sizes());
        cost(d);
        chart("search", "Search progress", d.generations().isEmpty() ? null : Charts.searchProgress(d.generations()),
                "no generations recorded (a baseline, or the search has not started)");
        Optional<Double> refValidation = d.result().map(RunResult::referenceValidationAccuracy);
        Optional<Double> refTest = d.result().map(RunResult::referenceTestAccuracy);
        chart("accuracy", "Accuracy per loop",
                d.loops().isEmpty() ? null : Charts.accuracyPerLoop(d.loops(), refValidation, refTest),
                "no loop finished yet");
        chart("delivery", "Compression against accuracy",
                d.loops().isEmpty() || d.result().isEmpty() ? null : Charts.compressionAgainstAccuracy(d.loops(),
                        refValidation.get(), refTest.get(), d.result().get().delivered() == null
                                ? d.loops().get(d.loops().size() - 1).loop() : d.result().get().delivered().loop()),
                "no result yet");
        chart("sparsity", "Per-layer sparsity per loop",
                d.layers().isEmpty() ? null : Charts.sparsityPerLoop(d.layers()), "no loop finished yet");
        chart("candidates", "Candidates", d.candidates().isEmpty() ? null : Charts.candidates(d.candidates()),
                "no candidates recorded");
        loops(d.loops());
        layers(d.finalLayers());
        html.append("<p class=\"note\">Written by olmp report at ").append(TIME.format(Instant.now()))
                .append(" from the run tables and result.json.</p>\n</body>\n</html>\n");
    }

    private void summary(ReportData d) {
        ReportData.Run run = d.run();
        section("summary", "Result");
        if (d.result().isPresent()) {
            RunResult r = d.result().get();
            long kept = r.keptByLayer().values().stream().mapToLong(Long::longValue).sum();
            long size = r.sizeByLayer().values().stream().mapToLong(Long::longValue).sum();
            html.append("<p class=\"headline\"><b>").append(fmt("%.1fx", r.compressionRatio()))
                    .append("</b> compression (kept ").append(fmt("%,d", kept)).append(" of ").append(fmt("%,d", size))
                    .append(" weights), test accuracy <b>").append(pct(r.finalTestAccuracy())).append("</b> (reference ")
                    .append(pct(r.referenceTestAccuracy())).append(")</p>\n");
            if (r.delivered() != null) {
                html.append("<p>").append(r.deliversReference()
                        ? "<b>The reference model is delivered</b>: no loop end kept a validation accuracy within "
                        : "Delivered: <b>loop " + r.delivered().loop() + "</b>, the most compressed loop end with a"
                        + " validation accuracy within ").append(esc(fmt("%s", r.finalTolerance())))
                        .append(" accuracy points of the reference's. Last loop (").append(r.lastLoop().loop())
                        .append("): ").append(fmt("%.1fx", r.lastLoop().compressionRatio())).append(", validation ")
                        .append(pct(r.lastLoop().validationAccuracy())).append(", test ")
                        .append(pct(r.lastLoop().testAccuracy())).append(".</p>\n");
            }
        } else {
            html.append("<p class=\"headline warn\">").append(run.status().equals("running")
                    ? "The run is still going: no result.json yet; below is what it has recorded so far."
                    : "No result.json (run status " + esc(run.status()) + "); below is what the tables recorded.")
                    .append("</p>\n");
        }
        table(List.of("", ""), true);
        row("run id", run.runId());
        row("method", run.method());
        row("architecture", run.architecture());
        row("data", run.dataSource());
        row("seed", Long.toString(run.seed()));
        row("status", run.status());
        row("started", run.startedAt() == null ? "" : TIME.format(run.startedAt()));
        row("ended", run.endedAt() == null ? "(running)" : TIME.format(run.endedAt()));
        d.result().ifPresent(r -> {
            row("loops", Integer.toString(r.loops()));
            row("delta (allowed validation drop per loop)", pct(r.delta()));
            row("validation accuracy: reference / delivered", pct(r.referenceValidationAccuracy()) + " / "
                    + pct(r.finalValidationAccuracy()));
            row("test accuracy: reference / delivered", pct(r.referenceTestAccuracy()) + " / "
                    + pct(r.finalTestAccuracy()));
            if (r.delivered() != null) {
                row("delivered loop (0 = reference) / tolerance", r.delivered().loop() + " / "
                        + fmt("%s", r.finalTolerance()) + " points");
                row("last loop: compression, validation, test", fmt("%.1fx", r.lastLoop().compressionRatio()) + ", "
                        + pct(r.lastLoop().validationAccuracy()) + ", " + pct(r.lastLoop().testAccuracy()));
            }
            row("evaluations", fmt("%,d", r.evaluations()));
            row("wall time (OLMP, all sessions)", duration(r.wallSeconds()));
        });
        html.append("</table>\n");
    }

    private void sizes(Optional<ModelSizes> sizes) {
        section("size", "Size of the final model");
        if (sizes.isEmpty()) {
            html.append("<p>No final model yet.</p>\n");
            return;
        }
        ModelSizes s = sizes.get();
        table(List.of("form", "bytes", "vs dense"), false);
        html.append("<tr><td class=\"l\">dense float32 (4 bytes x ").append(fmt("%,d", s.parameters()))
                .append(" parameters)</td><td>").append(fmt("%,d", s.denseBytes())).append("</td><td>1.0x</td></tr>\n");
        html.append("<tr><td class=\"l\">CSR (olmp export --format csr)</td><td>").append(fmt("%,d", s.csrBytes()))
                .append("</td><td>").append(fmt("%.1fx", (double) s.denseBytes() / s.csrBytes())).append("</td></tr>\n");
        html.append("<tr><td class=\"l\">CSR, gzip</td><td>").append(fmt("%,d", s.gzipBytes()))
                .append("</td><td>").append(fmt("%.1fx", (double) s.denseBytes() / s.gzipBytes())).append("</td></tr>\n");
        html.append("</table>\n<p>Compression ratio by weight count: ").append(fmt("%,d", s.weights())).append(" / ")
                .append(fmt("%,d", s.kept())).append(" = <b>").append(fmt("%.1fx", s.compressionRatio()))
                .append("</b> (biases are not pruned and stay dense).</p>\n");
    }

    private void cost(ReportData d) {
        section("cost", "Search cost");
        table(List.of("loop", "generations", "wall s / generation", "CPU s / generation", "search wall s",
                "search CPU s", "adjust wall s", "adjust CPU s"), false);
        double searchWall = 0, searchCpu = 0, adjustWall = 0, adjustCpu = 0, genWall = 0, genCpu = 0;
        int generations = 0;
        for (ReportData.Loop l : d.loops()) {
            List<ReportData.Generation> gens = d.generations().stream().filter(g -> g.loop() == l.loop()).toList();
            double wall = gens.stream().mapToDouble(ReportData.Generation::wallSeconds).sum();
            double cpu = gens.stream().mapToDouble(ReportData.Generation::cpuSeconds).sum();
            costRow(Integer.toString(l.loop()), gens.size(), wall, cpu, l.searchWallSeconds(), l.searchCpuSeconds(),
                    l.adjustWallSeconds(), l.adjustCpuSeconds());
            generations += gens.size();
            genWall += wall;
            genCpu += cpu;
            searchWall += l.searchWallSeconds();
            searchCpu += l.searchCpuSeconds();
            adjustWall += l.adjustWallSeconds();
            adjustCpu += l.adjustCpuSeconds();
        }
        costRow("<b>run</b>", generations, genWall, genCpu, searchWall, searchCpu, adjustWall, adjustCpu);
        html.append("</table>\n<p class=\"note\">CPU seconds are driver process CPU plus executor task CPU; ")
                .append("per-generation figures are means over the generations of the loop. Loops not yet finished ")
                .append("are not listed.</p>\n");
    }

    private void costRow(String label, int generations, double genWall, double genCpu, double searchWall,
                         double searchCpu, double adjustWall, double adjustCpu) {
        html.append("<tr><td>").append(label).append("</td><td>").append(generations).append("</td><td>")
                .append(generations == 0 ? "-" : fmt("%.2f", genWall / generations)).append("</td><td>")
                .append(generations == 0 ? "-" : fmt("%.2f", genCpu / generations)).append("</td><td>")
                .append(fmt("%.1f", searchWall)).append("</td><td>").append(fmt("%.1f", searchCpu)).append("</td><td>")
                .append(fmt("%.1f", adjustWall)).append("</td><td>").append(fmt("%.1f", adjustCpu)).append("</td></tr>\n");
    }

    private void chart(String id, String title, org.jfree.chart.JFreeChart chart, String whenEmpty) throws IOException {
        section(id, title);
        if (chart == null) {
            html.append("<p>").append(esc(whenEmpty)).append("</p>\n");
            return;
        }
        byte[] png = Charts.png(chart, Charts.WIDTH, Charts.HEIGHT);
        html.append("<img alt=\"").append(esc(title)).append("\" width=\"").append(Charts.WIDTH).append("\" height=\"")
                .append(Charts.HEIGHT).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/>\n");
    }

    private void loops(List<ReportData.Loop> loops) {
        section("loops", "Loops");
        table(List.of("loop", "sigma", "evaluations", "kept", "ratio", "val. start", "val. pruned", "val. adjusted",
                "test pruned", "test adjusted", "feasible found"), false);
        for (ReportData.Loop l : loops) {
            html.append("<tr><td>").append(l.loop()).append("</td><td>").append(fmt("%.2f", l.sigma())).append("</td><td>")
                    .append(fmt("%,d", l.evaluations())).append("</td><td>").append(fmt("%,d", l.kept())).append("</td><td>")
                    .append(fmt("%.1fx", l.compressionRatio())).append("</td><td>").append(pct(l.loopStartValidation()))
                    .append("</td><td>").append(pct(l.validationBeforeAdjust())).append("</td><td>")
                    .append(pct(l.validationAfterAdjust())).append("</td><td>").append(pct(l.testBeforeAdjust()))
                    .append("</td><td>").append(pct(l.testAfterAdjust())).append("</td><td")
                    .append(l.feasibleFound() ? ">yes" : " class=\"warn\">no").append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void layers(List<ReportData.Layer> layers) {
        section("layers", "Layers of the final model");
        table(List.of("layer", "weights", "kept", "sparsity", "last threshold"), false);
        for (ReportData.Layer l : layers) {
            html.append("<tr><td class=\"l\">").append(esc(l.layer())).append("</td><td>").append(fmt("%,d", l.size()))
                    .append("</td><td>").append(fmt("%,d", l.kept())).append("</td><td>").append(pct(l.sparsity()))
                    .append("</td><td>").append(fmt("%.5f", l.threshold())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void section(String id, String title) {
        html.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
    }

    private void table(List<String> headers, boolean keyValue) {
        html.append("<table>\n");
        if (!keyValue) {
            html.append("<tr>");
            headers.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
            html.append("</tr>\n");
        }
    }

    private void row(String key, String value) {
        html.append("<tr><th class=\"l\">").append(esc(key)).append("</th><td class=\"l\">").append(esc(value))
                .append("</td></tr>\n");
    }

    private static String pct(double fraction) {
        return Double.isNaN(fraction) ? "-" : fmt("%.2f %%", 100 * fraction);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? fmt("%d min %02d s", s / 60, s % 60) : s + " s";
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
