package io.olmp.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olmp.cli.Main;
import io.olmp.export.ModelExport;
import io.olmp.export.ModelSizes;
import io.olmp.report.QuickstartTablesFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small real OLMP run ({@link QuickstartTablesFixture}: npm digits, 2 loops of 2 generations,
 * scored in-process, tables written by the run) writes report.html at its end; the page is parsed as XML and checked section by section against the
 * run's result.json, tables and pruned model.
 */
class RunReportTest {

    private static Path run;
    private static Document page;
    private static JsonNode result;

    @BeforeAll
    static void runAndReport() throws Exception {
        run = QuickstartTablesFixture.run();
        assertThat(run.resolve("report.html")).isRegularFile();
        page = parse(run.resolve("report.html"));
        result = new ObjectMapper().readTree(run.resolve("result.json").toFile());
    }

    @Test
    void pageHasEverySectionInOrder() {
        List<String> ids = new ArrayList<>();
        NodeList headings = page.getElementsByTagName("h2");
        for (int i = 0; i < headings.getLength(); i++) {
            ids.add(((Element) headings.item(i)).getAttribute("id"));
        }
        assertThat(ids).isEqualTo(ReportPage.SECTIONS);
    }

    @Test
    void chartsAreEmbeddedPngImagesOfTheDeclaredSize() throws Exception {
        NodeList images = page.getElementsByTagName("img");
        assertThat(images.getLength()).isEqualTo(5);
        for (int i = 0; i < images.getLength(); i++) {
            Element img = (Element) images.item(i);
            String src = img.getAttribute("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
            assertThat(decoded).as(img.getAttribute("alt")).isNotNull();
            assertThat(decoded.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(decoded.getHeight()).isEqualTo(Charts.HEIGHT);
        }
    }

    @Test
    void summaryAndSizeTableAgreeWithTheResultAndTheExportedModel() throws Exception {
        String summary = sectionText("summary");
        assertThat(summary).contains(String.format(Locale.ROOT, "%.1fx compression",
                result.get("compressionRatio").asDouble()));
        assertThat(summary).contains("finished").contains(result.get("architecture").asText());

        ModelSizes sizes = ModelSizes.of(ModelExport.sparseModel(run));
        String size = sectionText("size");
        assertThat(size).contains(String.format(Locale.ROOT, "%,d", sizes.denseBytes()))
                .contains(String.format(Locale.ROOT, "%,d", sizes.csrBytes()))
                .contains(String.format(Locale.ROOT, "%,d", sizes.gzipBytes()))
                .contains(String.format(Locale.ROOT, "= %.1fx", sizes.compressionRatio()));
    }

    @Test
    void loopAndCostTablesHaveARowPerLoopPlusTheRunTotal() {
        assertThat(tableRows("loops")).isEqualTo(1 + QuickstartTablesFixture.LOOPS);
        assertThat(tableRows("cost")).isEqualTo(1 + QuickstartTablesFixture.LOOPS + 1);
        assertThat(tableRows("layers")).isEqualTo(1 + QuickstartTablesFixture.LAYERS);
        assertThat(sectionText("cost")).contains("run");
    }

    @Test
    void reportCommandRewritesThePage() throws Exception {
        Path page = run.resolve("report.html");
        Files.delete(page);
        assertThat(Main.execute("report", run.toString())).isZero();
        assertThat(parse(page).getElementsByTagName("img").getLength()).isEqualTo(5);
    }

    @Test
    void reportOnAFolderWithoutTablesFailsNamingIt(@TempDir Path empty) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = System.err;
        int exit;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            exit = Main.execute("report", empty.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("olmp: error: " + empty + " has no run tables: "
                + empty.resolve("tables") + " does not exist");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The text between the section's heading and the next heading. */
    private static String sectionText(String id) {
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node n = heading(id).getNextSibling(); n != null && !"h2".equals(n.getNodeName());
             n = n.getNextSibling()) {
            text.append(n.getTextContent()).append(' ');
        }
        return text.toString();
    }

    /** Rows of the first table after the section's heading. */
    private static int tableRows(String id) {
        for (org.w3c.dom.Node n = heading(id).getNextSibling(); n != null; n = n.getNextSibling()) {
            if ("table".equals(n.getNodeName())) {
                return ((Element) n).getElementsByTagName("tr").getLength();
            }
        }
        throw new AssertionError("no table in section " + id);
    }

    private static Element heading(String id) {
        NodeList headings = page.getElementsByTagName("h2");
        for (int i = 0; i < headings.getLength(); i++) {
            if (((Element) headings.item(i)).getAttribute("id").equals(id)) {
                return (Element) headings.item(i);
            }
        }
        throw new AssertionError("no section " + id);
    }
}
