package io.olmp.report;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time spent by a run: this (driver) process's CPU time plus, when Spark runs executors in
 * other processes, the CPU time of every finished task ({@code TaskMetrics.executorCpuTime}).
 * With a {@code local[...]} master the executors are threads of this process, so their CPU is
 * already in the process CPU and is not added again. CPU seconds stand in for GPU seconds: on a
 * GPU cluster this counts host CPU only.
 */
public final class CpuMeter implements AutoCloseable {

    private static final long DRAIN_TIMEOUT_MILLIS = 2_000;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final SparkContext context;
    private final TaskCpuListener listener;

    private CpuMeter(SparkContext context) {
        this.context = context;
        this.listener = context == null ? null : new TaskCpuListener();
        if (listener != null) {
            context.addSparkListener(listener);
        }
    }

    /** This process only (no Spark, or Spark executors inside this process). */
    public static CpuMeter processOnly() {
        return new CpuMeter(null);
    }

    /** This process plus the tasks of {@code spark}'s executors when they run in other processes. */
    public static CpuMeter of(SparkSession spark) {
        SparkContext context = spark.sparkContext();
        return context.isLocal() ? processOnly() : new CpuMeter(context);
    }

    /** Whether executor task CPU is added to the process CPU. */
    public boolean countsExecutors() {
        return listener != null;
    }

    /** CPU seconds so far: process plus (remote) executor tasks finished so far. */
    public double seconds() {
        long nanos = os.getProcessCpuTime();
        if (listener != null) {
            drainListenerEvents();
            nanos += listener.executorCpuNanos.get();
        }
        return nanos / 1e9;
    }

    /**
     * Task-end events reach listeners asynchronously; waits (bounded) until the bus has delivered
     * the events of the jobs that just returned. {@code waitUntilEmpty} is Spark-internal
     * ({@code private[spark]}, public in bytecode); if it times out, late tasks count in the next
     * reading instead.
     */
    private void drainListenerEvents() {
        try {
            context.listenerBus().waitUntilEmpty(DRAIN_TIMEOUT_MILLIS);
        } catch (TimeoutException e) {
            // counted in the next reading
        }
    }

    @Override
    public void close() {
        if (listener != null) {
            context.removeSparkListener(listener);
        }
    }

    private static final class TaskCpuListener extends SparkListener {
        final AtomicLong executorCpuNanos = new AtomicLong();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.taskMetrics() != null) {
                executorCpuNanos.addAndGet(taskEnd.taskMetrics().executorCpuTime());
            }
        }
    }
}
