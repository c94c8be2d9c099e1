package io.olmp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directions of imports between packages (docs/architecture.md): the search depends on the JDK only; the
 * scoring seam sits below the pipeline and the Spark path; the Spark path and the reports never reach up into
 * the pipeline. Imports and fully qualified names in code count; comments do not.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/olmp");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:io\\.olmp|org|com|scala|net|picocli)\\.[a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** Package (with its subpackages) to the name prefixes its code must not use. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "scoring", List.of("io.olmp.pipeline", "io.olmp.distributed", "io.olmp.report", "io.olmp.cli"),
            "distributed", List.of("io.olmp.pipeline", "io.olmp.cli", "io.olmp.report"),
            "report", List.of("io.olmp.pipeline", "io.olmp.cli", "io.olmp.distributed"),
            "result", List.of("io.olmp.", "org.", "com.", "scala."));

    @Test
    void searchUsesTheJdkOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources("search")) {
            for (String name : namesUsed(file)) {
                if (!name.startsWith("java.") && !name.startsWith("io.olmp.search")) {
                    violations.add(file + " uses " + name);
                }
            }
        }
        assertTrue(violations.isEmpty(), "io.olmp.search must depend on the JDK only: " + violations);
    }

    @Test
    void lowerPackagesNeverReachUp() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            for (Path file : sources(rule.getKey())) {
                for (String name : namesUsed(file)) {
                    if (name.startsWith("io.olmp." + rule.getKey())) {
                        continue;
                    }
                    for (String prefix : rule.getValue()) {
                        if (name.startsWith(prefix)) {
                            violations.add(file + " uses " + name);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "imports against the package directions: " + violations);
    }

    @Test
    void theCheckSeesImportsAndQualifiedNamesButNotComments() {
        String code = "package io.olmp.scoring;\nimport io.olmp.pipeline.RunResult;\n/** {@link io.olmp.cli.Main} */\n"
                + "class A { io.olmp.report.RunTables t; // io.olmp.distributed.SparkShardCounters\n}";
        assertTrue(namesUsed(code).containsAll(List.of("io.olmp.pipeline.RunResult", "io.olmp.report")));
        assertFalse(namesUsed(code).stream().anyMatch(n -> n.startsWith("io.olmp.cli")
                || n.startsWith("io.olmp.distributed")));
    }

    private static List<Path> sources(String pkg) throws IOException {
        Path dir = SOURCES.resolve(pkg);
        assertTrue(Files.isDirectory(dir), "run the tests from the project root; no " + dir.toAbsolutePath());
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            assertFalse(files.isEmpty(), "no Java sources under " + dir);
            return files;
        }
    }

    private static List<String> namesUsed(Path file) throws IOException {
        return namesUsed(Files.readString(file));
    }

    private static List<String> namesUsed(String text) {
        String code = COMMENTS.matcher(text).replaceAll(" ").replaceFirst("(?m)^\\s*package\\s+[\\w.]+;", "");
        List<String> names = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            names.add(imports.group(2));
        }
        Matcher qualified = QUALIFIED.matcher(IMPORT.matcher(code).replaceAll(" "));
        while (qualified.find()) {
            names.add(qualified.group(1));
        }
        return names;
    }
}
