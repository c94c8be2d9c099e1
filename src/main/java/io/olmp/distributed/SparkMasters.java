package io.olmp.distributed;

import io.olmp.config.SettingsException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a Spark master URL before any long work starts: its form, and for a standalone master
 * ({@code spark://host:port[,host:port...]}) that one of its hosts accepts a connection within a short timeout.
 * Spark itself would find an unreachable master only when the session starts, after the reference has trained,
 * and only after a minute of retries.
 */
public final class SparkMasters {

    /** How long one standalone master host may take to accept a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d*)(,\\s*\\d+)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*[1-9]\\d*\\s*,\\s*[1-9]\\d*\\s*,"
            + "\\s*[1-9]\\d*\\s*]");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:]+]|[A-Za-z0-9._-]+):(\\d{1,5})");

    private SparkMasters() {}

    /** The master a session will use: spark-submit's {@code spark.master} if it set one, else the settings'. */
    public static String effective(String configured) {
        String submitted = System.getProperty("spark.master");
        return submitted != null ? submitted : configured;
    }

    /**
     * @param master the URL
     * @param where  where it was set, for the message (e.g. "olmp.spark.master (--master)")
     * @throws SettingsException when the URL is not a Spark master URL (exit 2)
     * @throws SparkMasterUnreachableException when no host of a standalone master accepts a connection (exit 1)
     */
    public static void check(String master, String where) {
        String m = master.trim();
        if (LOCAL.matcher(m).matches() || LOCAL_CLUSTER.matcher(m).matches() || m.equals("yarn")
                || m.startsWith("k8s://") || m.startsWith("mesos://")) {
            return; // yarn and k8s are reached by spark-submit's own client, which checks them
        }
        if (!m.startsWith("spark://")) {
            throw new SettingsException(where + " = \"" + master + "\": not a Spark master URL; expected local,"
                    + " local[N], local[*], local-cluster[N,C,M], spark://host:port, yarn or k8s://...");
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : m.substring("spark://".length()).split(",")) {
            var matcher = HOST_PORT.matcher(hostPort.trim());
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) > 65_535) {
                throw new SettingsException(where + " = \"" + master + "\": '" + hostPort
                        + "' is not host:port with a port in 1..65535");
            }
            String host = matcher.group(1).replace("[", "").replace("]", "");
            int port = Integer.parseInt(matcher.group(2));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
                return;
            } catch (IOException e) {
                failures.add(host + ":" + port + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + ")");
            }
        }
        throw new SparkMasterUnreachableException("Spark master " + master + " (" + where + ") is not reachable: "
                + String.join(", ", failures) + " within " + CONNECT_TIMEOUT.toSeconds() + " s; start it"
                + " (submit/cluster-start.sh), or score in this JVM with --local");
    }

    /** A well-formed standalone master URL none of whose hosts could be reached: a runtime failure. */
    public static final class SparkMasterUnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SparkMasterUnreachableException(String message) {
            super(message);
        }
    }
}
