package io.olmp.search;

import java.util.List;

/**
 * What happened in one generation, for logging, checkpointing and reports. Generation 0 is the
 * initial population (nothing is accepted there).
 *
 * @param generation         t, the generation just completed
 * @param evaluations        candidates scored so far, the initial population included
 * @param bestFitness        the best score found so far
 * @param meanParentFitness  the mean of f_k over the processes after the update (+infinity if
 *                           any parent is a failed candidate)
 * @param evaluated          candidates scored in this generation (N)
 * @param feasible           of these, how many satisfy the feasibility predicate (by default
 *                           score {@code <= 1}, OLMP's encoding of the accuracy constraint)
 * @param accepted           children that replaced their parent
 * @param failed             candidates that failed, or scored NaN or -infinity, and so count
 *                           as +infinity
 * @param minSigma           the smallest sigma over all processes and dimensions after the update
 * @param maxSigma           the largest such sigma
 * @param failures           one message per failed candidate, "candidate i: reason"
 */
public record GenerationStats(
        int generation,
        long evaluations,
        double bestFitness,
        double meanParentFitness,
        int evaluated,
        int feasible,
        int accepted,
        int failed,
        double minSigma,
        double maxSigma,
        List<String> failures) {

    public GenerationStats {
        failures = List.copyOf(failures);
    }
}
