package io.olmp.distributed;

import java.util.LinkedHashMap;
import java.util.Map;

import io.olmp.config.SparkSettings;
import org.apache.spark.sql.SparkSession;

/** Builds the driver's Spark session: the master from spark-submit if it set one, else from the settings. */
public final class SparkSessions {

    private SparkSessions() {}

    public static SparkSession start(SparkSettings settings) {
        SparkSession.Builder builder = SparkSession.builder().appName(settings.appName())
                // our own progress lines are the progress report; Spark's bars would garble them
                .config("spark.ui.showConsoleProgress", "false");
        String master = System.getProperty("spark.master");
        if (master == null) {
            master = settings.master();
            builder.master(master);
        }
        stallTolerance(master).forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * For a local master, the settings that keep a stalled JVM (a suspended machine, a stopped
     * process) from losing its in-process executor to the 120 s heartbeat timeout, after which
     * Spark ends the whole run; unless the user set them. A cluster keeps Spark's defaults: there
     * the timeout is what detects dead executors.
     */
    static Map<String, String> stallTolerance(String master) {
        if (!master.equals("local") && !master.startsWith("local[")) {
            return Map.of();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (System.getProperty("spark.network.timeout") == null) {
            settings.put("spark.network.timeout", "7d");
        }
        if (System.getProperty("spark.executor.heartbeatInterval") == null) {
            settings.put("spark.executor.heartbeatInterval", "60s");
        }
        return settings;
    }
}
