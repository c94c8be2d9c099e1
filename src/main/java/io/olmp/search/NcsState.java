package io.olmp.search;

import java.util.Arrays;
import java.util.List;

/**
 * The complete state of an NCS-C run after a generation: everything {@link Ncs#step} needs, so
 * a run stopped after generation g and resumed from this value (also through its JSON form)
 * continues bit for bit as if it had never stopped. Immutable. The {@link NcsParams} are not
 * part of the state: resume with the same parameters (Tmax in particular enters the lambdaSigma
 * schedule).
 *
 * <h2>JSON form</h2>
 * {@link #toJson()} writes, and {@link #fromJson(String)} reads, this versioned, human-readable
 * document:
 * <pre>{@code
 * {
 *   "format": "olmp-ncs-state",
 *   "version": 1,
 *   "generation": 12,                 // t, generations completed (0 after init)
 *   "evaluations": 130,               // candidates scored so far, initial population included
 *   "lambdaSigma": 0.0925,            // the standard deviation of lambda for the next generation
 *   "best": { "x": [1.5, 2.0], "f": 0.25 },
 *   "processes": [                    // N entries, one per search process
 *     { "x": [1.5, 2.0], "sigma": [0.5, 0.5], "f": 0.25, "successes": 3 }
 *   ],
 *   "random": {                       // the generator's state, see NcsRandom
 *     "algorithm": "xoshiro256**+polar",
 *     "s": ["9e3779b97f4a7c15", "...", "...", "..."],   // four 64-bit words, 16 hex digits
 *     "spareNormal": -0.31              // cached polar-method normal, or null
 *   }
 * }
 * }</pre>
 * (The comments are not part of the document.) Doubles are written with
 * {@link Double#toString(double)}, which reads back to the same bits; the non-finite values
 * JSON cannot express are written as the strings {@code "Infinity"}, {@code "-Infinity"} and
 * {@code "NaN"}. Readers reject other formats and versions.
 *
 * @param generation  t, the number of generations completed (0 after init)
 * @param evaluations the number of candidates scored so far, the initial population included
 * @param processes   the N search processes
 * @param lambdaSigma the standard deviation of lambda for the next generation
 * @param bestX       the best candidate evaluated so far
 * @param bestFitness its score
 * @param random      the random generator's state
 */
public record NcsState(
        int generation,
        long evaluations,
        List<SearchProcess> processes,
        double lambdaSigma,
        double[] bestX,
        double bestFitness,
        RandomState random) {

    public NcsState {
        if (generation < 0) {
            throw new IllegalArgumentException("generation must be >= 0, but was " + generation);
        }
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations must be >= 0, but was " + evaluations);
        }
        if (processes == null || processes.size() < 2) {
            throw new IllegalArgumentException("processes must hold at least 2 search processes, but held "
                    + (processes == null ? "null" : processes.size()));
        }
        processes = List.copyOf(processes);
        int dimension = processes.get(0).dimension();
        for (int k = 1; k < processes.size(); k++) {
            if (processes.get(k).dimension() != dimension) {
                throw new IllegalArgumentException("every process must have dimension " + dimension
                        + " (that of process 0), but process " + k + " had " + processes.get(k).dimension());
            }
        }
        if (bestX == null || bestX.length != dimension) {
            throw new IllegalArgumentException("bestX must have dimension " + dimension + ", but had "
                    + (bestX == null ? "null" : bestX.length));
        }
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        bestX = bestX.clone();
    }

    /** N, the number of search processes. */
    public int populationSize() {
        return processes.size();
    }

    /** D, the number of dimensions. */
    public int dimension() {
        return bestX.length;
    }

    public SearchProcess process(int k) {
        return processes.get(k);
    }

    @Override
    public double[] bestX() {
        return bestX.clone();
    }

    /** The versioned JSON form described in the class documentation. */
    public String toJson() {
        return NcsStateJson.write(this);
    }

    /**
     * Reads the JSON form written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not a version-1 {@code olmp-ncs-state}
     *                                  document, naming what is wrong
     */
    public static NcsState fromJson(String json) {
        return NcsStateJson.read(json);
    }

    /** Equality of every component bit for bit. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NcsState s
                && generation == s.generation && evaluations == s.evaluations
                && processes.equals(s.processes)
                && Double.compare(lambdaSigma, s.lambdaSigma) == 0
                && Arrays.equals(bestX, s.bestX)
                && Double.compare(bestFitness, s.bestFitness) == 0
                && random.equals(s.random);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(generation);
        h = 31 * h + Long.hashCode(evaluations);
        h = 31 * h + processes.hashCode();
        h = 31 * h + Double.hashCode(lambdaSigma);
        h = 31 * h + Arrays.hashCode(bestX);
        h = 31 * h + Double.hashCode(bestFitness);
        return 31 * h + random.hashCode();
    }

    @Override
    public String toString() {
        return "NcsState[generation=" + generation + ", evaluations=" + evaluations
                + ", bestFitness=" + bestFitness + ", bestX=" + Arrays.toString(bestX)
                + ", lambdaSigma=" + lambdaSigma + ", processes=" + processes + ", random=" + random + "]";
    }
}
