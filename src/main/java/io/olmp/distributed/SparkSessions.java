package io.olmp.distributed;

import io.olmp.config.SparkSettings;
import org.apache.spark.sql.SparkSession;

/** Builds the driver's Spark session: the master from spark-submit if it set one, else from the settings. */
public final class SparkSessions {

    private SparkSessions() {}

    public static SparkSession start(SparkSettings settings) {
        SparkSession.Builder builder = SparkSession.builder().appName(settings.appName())
                // our own progress lines are the progress report; Spark's bars would garble them
                .config("spark.ui.showConsoleProgress", "false");
        if (System.getProperty("spark.master") == null) {
            builder.master(settings.master());
        }
        return builder.getOrCreate();
    }
}
