package io.olmp.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java 17 flags Spark needs are listed in pom.xml (Surefire, manifest) and in submit/ (launchers). */
class LaunchFlagsTest {

    @Test
    void launcherArgsFileMatchesThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<java17.opens>(.*?)</java17.opens>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "pom.xml has no java17.opens property");
        List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));
        List<String> fromArgs = Files.readAllLines(Path.of("submit/java17-opens.args")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(fromPom, fromArgs);
    }

    @Test
    void manifestAddOpensCoversEveryJavaBaseOpen() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher manifest = Pattern.compile("<Add-Opens>(.*?)</Add-Opens>").matcher(pom);
        assertTrue(manifest.find());
        List<String> entries = Arrays.asList(manifest.group(1).trim().split("\\s+"));
        Files.readAllLines(Path.of("submit/java17-opens.args")).stream()
                .filter(l -> l.startsWith("--add-opens=java.base/"))
                .map(l -> l.substring("--add-opens=".length(), l.indexOf('=', "--add-opens=".length())))
                .forEach(open -> assertTrue(entries.contains(open), "manifest Add-Opens lacks " + open));
    }
}
