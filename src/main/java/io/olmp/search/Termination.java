package io.olmp.search;

/**
 * An extra reason to stop {@link Ncs#run} before Tmax generations, checked before each
 * generation. Tmax itself always ends a run.
 */
@FunctionalInterface
public interface Termination {

    boolean shouldStop(NcsState state);

    /** Runs to Tmax. */
    static Termination never() {
        return state -> false;
    }

    /** Stops once {@code generations} generations are completed (for example to checkpoint). */
    static Termination afterGenerations(int generations) {
        return state -> state.generation() >= generations;
    }

    /** Stops before a generation that would score more than {@code maxEvaluations} candidates in total. */
    static Termination evaluationBudget(long maxEvaluations) {
        return state -> state.evaluations() + state.populationSize() > maxEvaluations;
    }

    /** Stops once the best score is at most {@code target}. */
    static Termination fitnessAtMost(double target) {
        return state -> state.bestFitness() <= target;
    }

    default Termination or(Termination other) {
        return state -> shouldStop(state) || other.shouldStop(state);
    }
}
