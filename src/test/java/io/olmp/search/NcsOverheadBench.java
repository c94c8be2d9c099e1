package io.olmp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the search's own cost per generation (proposal, bookkeeping, Bhattacharyya
 * correlations, acceptance, sigma update, state copy) for popN = 10 and D = 8, OLMP's LeNet-5
 * size, with a trivial evaluator (sum of the coordinates), after JIT warm-up: many runs of
 * OLMP's Tmax = 160 from fixed initial states, so sigma stays in its real range (a single very
 * long run on this objective shrinks sigma towards subnormal numbers, which are slow and not
 * what the pipeline sees). The evaluator's own time is measured separately and subtracted.
 *
 * <pre>{@code
 * mvn -q -o test-compile -Denforcer.skip
 * java -cp target/test-classes:target/classes io.olmp.search.NcsOverheadBench
 * }</pre>
 */
public final class NcsOverheadBench {

    private static final int POP_N = 10;
    private static final int DIMENSION = 8;
    /** OLMP's Tmax for the LeNets; each measured run is one pruning loop's search. */
    private static final int TMAX = 160;
    private static final int WARM_UP_RUNS = 2_000;
    private static final int MEASURED_RUNS = 2_000;
    private static final int ROUNDS = 5;

    private NcsOverheadBench() {
    }

    public static void main(String[] args) {
        BatchEvaluator trivial = candidates -> {
            List<Score> scores = new ArrayList<>(candidates.size());
            for (double[] c : candidates) {
                double sum = 0;
                for (double v : c) {
                    sum += v;
                }
                scores.add(Score.of(sum));
            }
            return scores;
        };
        Ncs ncs = new Ncs(NcsParams.defaults(POP_N, TMAX, DIMENSION, 0, 100).withInitialSigma(5));
        List<NcsState> starts = new ArrayList<>();
        for (int seed = 0; seed < MEASURED_RUNS; seed++) {
            starts.add(ncs.init(trivial, seed));
        }
        double sink = 0;
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            sink += ncs.run(starts.get(run), trivial, GenerationListener.NONE, Termination.never()).bestFitness();
        }
        List<double[]> sample = new ArrayList<>();
        for (SearchProcess p : starts.get(0).processes()) {
            sample.add(p.mean());
        }
        double evaluatorNanos = timeEvaluator(trivial, sample);

        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (NcsState from : starts) {
                sink += ncs.run(from, trivial, GenerationListener.NONE, Termination.never()).bestFitness();
            }
            double perGeneration = (System.nanoTime() - start) / ((double) MEASURED_RUNS * TMAX);
            best = Math.min(best, perGeneration);
            System.out.printf(Locale.ROOT, "round %d: %.2f us per generation (evaluator included)%n",
                    round + 1, perGeneration / 1000);
        }
        System.out.printf(Locale.ROOT, "popN %d, D %d, Tmax %d: search overhead %.2f us per generation "
                        + "(best of %d rounds %.2f us minus the trivial evaluator's %.2f us) [%.1f]%n",
                POP_N, DIMENSION, TMAX, (best - evaluatorNanos) / 1000, ROUNDS, best / 1000,
                evaluatorNanos / 1000, sink / (WARM_UP_RUNS + ROUNDS * MEASURED_RUNS));
    }

    private static double timeEvaluator(BatchEvaluator evaluator, List<double[]> batch) {
        double sink = 0;
        int calls = 2_000_000;
        for (int i = 0; i < calls; i++) {
            sink += evaluator.evaluate(batch).get(0).value();
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += evaluator.evaluate(batch).get(0).value();
        }
        double nanos = (System.nanoTime() - start) / (double) calls;
        if (sink == 42) {
            System.out.println();
        }
        return nanos;
    }
}
