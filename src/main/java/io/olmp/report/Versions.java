package io.olmp.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The {@code versions} column of the {@code runs} table: olmp, java, spark, dl4j. */
public final class Versions {

    private static final String DL4J_POM = "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";

    private Versions() {}

    public static Map<String, String> of(String sparkVersion) {
        Map<String, String> versions = new LinkedHashMap<>();
        String olmp = Versions.class.getPackage().getImplementationVersion();
        versions.put("olmp", olmp == null ? "development build" : olmp);
        versions.put("java", System.getProperty("java.version"));
        versions.put("spark", sparkVersion);
        versions.put("dl4j", dl4j());
        return versions;
    }

    private static String dl4j() {
        try (InputStream in = Versions.class.getResourceAsStream(DL4J_POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
