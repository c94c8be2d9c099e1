package io.olmp.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Helpers for exact one-generation tests: scripted normals, hand-made states, scripted scores. */
final class Scripted {

    static final RandomState ANY_RANDOM = new RandomState(1, 2, 3, 4, false, 0);

    private Scripted() {
    }

    /** Returns the given numbers in order and fails the test if the search asks for more. */
    static DoubleSupplier normals(double... values) {
        int[] next = {0};
        return () -> {
            if (next[0] >= values.length) {
                throw new AssertionError("the search drew more than the " + values.length + " scripted normals");
            }
            return values[next[0]++];
        };
    }

    static SearchProcess process(double[] mean, double[] sigma, double fitness, int successes) {
        return new SearchProcess(mean, sigma, fitness, successes);
    }

    static NcsState state(int generation, double lambdaSigma, double[] bestX, double bestFitness,
                          SearchProcess... processes) {
        return new NcsState(generation, 10L * (generation + 1), List.of(processes), lambdaSigma,
                bestX, bestFitness, ANY_RANDOM);
    }

    /** An evaluator that returns the given scores and keeps the candidates it was asked about. */
    static final class Recorder implements BatchEvaluator {
        final List<double[]> candidates = new ArrayList<>();
        private final List<Score> scores;

        Recorder(Score... scores) {
            this.scores = List.of(scores);
        }

        static Recorder scores(double... values) {
            Score[] s = new Score[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = Score.of(values[i]);
            }
            return new Recorder(s);
        }

        @Override
        public List<Score> evaluate(List<double[]> batch) {
            candidates.addAll(batch);
            return scores;
        }
    }

    /** One scripted generation; the listener's statistics are stored in {@code stats[0]}. */
    static NcsState step(Ncs ncs, NcsState state, BatchEvaluator evaluator, GenerationStats[] stats,
                         double... normals) {
        return ncs.step(state, evaluator, (s, st) -> stats[0] = s, normals(normals), state::random);
    }

    static NcsState step(Ncs ncs, NcsState state, BatchEvaluator evaluator, double... normals) {
        return step(ncs, state, evaluator, new GenerationStats[1], normals);
    }
}
