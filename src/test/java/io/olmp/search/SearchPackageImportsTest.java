package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The search package depends on the JDK only: it never imports Spark, ND4J or typesafe-config (docs/method.md, NCS-C). */
class SearchPackageImportsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/olmp/search");
    private static final List<String> FORBIDDEN =
            List.of("org.apache.spark", "org.nd4j", "org.deeplearning4j", "com.typesafe");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE =
            Pattern.compile("\\b(org\\.apache\\.spark|org\\.nd4j|org\\.deeplearning4j|com\\.typesafe)\\.");

    @Test
    void searchSourcesImportNeitherSparkNorDl4jNorNd4jNorTypesafeConfig() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run the tests from the project root; no " + SOURCES.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no Java sources found under " + SOURCES);
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher imports = IMPORT.matcher(text);
            while (imports.find()) {
                String imported = imports.group(2);
                for (String prefix : FORBIDDEN) {
                    if (imported.startsWith(prefix + ".")) {
                        violations.add(file + " imports " + imported);
                    }
                }
            }
            Matcher qualified = QUALIFIED_USE.matcher(text);
            while (qualified.find()) {
                violations.add(file + " uses a fully qualified " + qualified.group(1) + " name");
            }
        }
        assertTrue(violations.isEmpty(), "io.olmp.search must depend on the JDK only: " + violations);
    }
}
