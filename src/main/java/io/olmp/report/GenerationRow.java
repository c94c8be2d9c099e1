package io.olmp.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One NCS generation: a row of the {@code generations} table.
 *
 * @param meanFitness the mean fitness of the parents after the update (+infinity if one failed)
 * @param cpuSeconds  driver process CPU plus executor task CPU spent in this generation
 */
public record GenerationRow(int loop, int generation, long evaluations, double bestFitness, double meanFitness,
                            int evaluated, int feasible, int accepted, int failed, double sigmaMin, double sigmaMax,
                            double wallSeconds, double cpuSeconds) {

    Row toRow(String runId) {
        return RowFactory.create(runId, loop, generation, evaluations, bestFitness, meanFitness, evaluated, feasible,
                accepted, failed, sigmaMin, sigmaMax, wallSeconds, cpuSeconds);
    }
}
