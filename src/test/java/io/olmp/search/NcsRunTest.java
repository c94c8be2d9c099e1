package io.olmp.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole runs: initialisation, determinism, resuming, listeners and termination. */
class NcsRunTest {

    private static final BatchEvaluator RASTRIGIN = SerialEvaluator.of(AnalyticFunction.RASTRIGIN);

    private static Ncs rastrigin8d(int tmax) {
        return new Ncs(NcsParams.defaults(10, tmax, 8, -5, 5));
    }

    @Test
    void initDrawsThePopulationInsideTheInitialBoundsAndScoresItInOneBatch() {
        Ncs ncs = new Ncs(NcsParams.defaults(10, 160, 3, 0, 100).withInitialSigma(5));
        double[] lower = {40, 90, 100};
        double[] upper = {100, 100, 100};
        List<Integer> batchSizes = new ArrayList<>();
        BatchEvaluator sum = candidates -> {
            batchSizes.add(candidates.size());
            return candidates.stream().map(c -> Score.of(Arrays.stream(c).sum())).toList();
        };
        NcsState state = ncs.init(sum, 11, lower, upper);

        assertEquals(List.of(10), batchSizes);
        assertEquals(0, state.generation());
        assertEquals(10, state.evaluations());
        assertEquals(0.1, state.lambdaSigma());
        double best = Double.POSITIVE_INFINITY;
        for (SearchProcess p : state.processes()) {
            double[] x = p.mean();
            for (int d = 0; d < 3; d++) {
                assertTrue(x[d] >= lower[d] && x[d] <= upper[d], "x[" + d + "] = " + x[d]);
            }
            assertArrayEquals(new double[] {5, 5, 5}, p.sigma());
            assertEquals(0, p.successes());
            assertEquals(Arrays.stream(x).sum(), p.fitness());
            best = Math.min(best, p.fitness());
        }
        assertEquals(best, state.bestFitness());
        assertEquals(best, Arrays.stream(state.bestX()).sum());
    }

    @Test
    void initBoundsOutsideTheSearchBoundsAreRejected() {
        Ncs ncs = new Ncs(NcsParams.defaults(10, 160, 2, 0, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ncs.init(RASTRIGIN, 1, new double[] {-1, 0}, new double[] {100, 100}));
        assertEquals("initial bounds of dimension 0 must satisfy lowerBounds[d] <= initLower[d] <= initUpper[d] "
                + "<= upperBounds[d], but were 0.0, -1.0, 100.0, 100.0", e.getMessage());
    }

    @Test
    void eachGenerationScoresExactlyOneBatchOfPopN() {
        List<Integer> batchSizes = new ArrayList<>();
        BatchEvaluator counting = candidates -> {
            batchSizes.add(candidates.size());
            return RASTRIGIN.evaluate(candidates);
        };
        NcsState end = rastrigin8d(25).run(counting, 3, GenerationListener.NONE);
        assertEquals(26, batchSizes.size());
        assertTrue(batchSizes.stream().allMatch(n -> n == 10));
        assertEquals(260, end.evaluations());
        assertEquals(25, end.generation());
    }

    @Test
    void sameSeedGivesTheSameRun() {
        NcsState a = rastrigin8d(300).run(RASTRIGIN, 77, GenerationListener.NONE);
        NcsState b = rastrigin8d(300).run(RASTRIGIN, 77, GenerationListener.NONE);
        assertEquals(a, b);
        assertEquals(a.toJson(), b.toJson());
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        NcsState a = rastrigin8d(50).run(RASTRIGIN, 1, GenerationListener.NONE);
        NcsState b = rastrigin8d(50).run(RASTRIGIN, 2, GenerationListener.NONE);
        assertNotEquals(a.bestFitness(), b.bestFitness());
    }

    @Test
    void resumingFromTheJsonOfAnyGenerationContinuesBitForBit() {
        int tmax = 200;
        Ncs ncs = rastrigin8d(tmax);
        List<GenerationStats> uninterruptedStats = new ArrayList<>();
        List<NcsState> uninterrupted = new ArrayList<>();
        ncs.run(RASTRIGIN, 99, (stats, state) -> {
            uninterruptedStats.add(stats);
            uninterrupted.add(state);
        });

        for (int stopAfter : new int[] {0, 1, 37, 100, 199}) {
            NcsState stopped = ncs.run(ncs.init(RASTRIGIN, 99), RASTRIGIN, GenerationListener.NONE,
                    Termination.afterGenerations(stopAfter));
            assertEquals(stopAfter, stopped.generation());
            String checkpoint = stopped.toJson();

            List<GenerationStats> resumedStats = new ArrayList<>();
            NcsState resumed = ncs.run(NcsState.fromJson(checkpoint), RASTRIGIN,
                    (stats, state) -> resumedStats.add(stats), Termination.never());
            assertEquals(uninterrupted.get(tmax), resumed, "resumed after generation " + stopAfter);
            assertEquals(uninterruptedStats.subList(stopAfter + 1, tmax + 1), resumedStats);
        }
    }

    @Test
    void runReportsEveryGenerationFromZeroToTmaxOnce() {
        List<Integer> generations = new ArrayList<>();
        List<GenerationStats> all = new ArrayList<>();
        rastrigin8d(30).run(RASTRIGIN, 5, (stats, state) -> {
            generations.add(stats.generation());
            all.add(stats);
            assertEquals(stats.generation(), state.generation());
            assertEquals(stats.bestFitness(), state.bestFitness());
        });
        for (int t = 0; t <= 30; t++) {
            assertEquals(t, generations.get(t));
        }
        assertEquals(0, all.get(0).accepted());
        assertTrue(all.stream().mapToInt(GenerationStats::accepted).sum() > 0);
        for (int t = 1; t <= 30; t++) {
            assertTrue(all.get(t).bestFitness() <= all.get(t - 1).bestFitness(), "best never gets worse");
        }
    }

    @Test
    void lambdaSigmaFallsLinearlyToZeroAtTmax() {
        int tmax = 40;
        List<Double> lambdaSigma = new ArrayList<>();
        rastrigin8d(tmax).run(RASTRIGIN, 5, (stats, state) -> lambdaSigma.add(state.lambdaSigma()));
        assertEquals(0.1, lambdaSigma.get(0));
        for (int t = 1; t <= tmax; t++) {
            assertEquals(0.1 - 0.1 * t / tmax, lambdaSigma.get(t));
        }
        assertEquals(0.0, lambdaSigma.get(tmax));
    }

    @Test
    void evaluationBudgetStopsBeforeAGenerationWouldExceedIt() {
        Ncs ncs = rastrigin8d(1000);
        NcsState end = ncs.run(ncs.init(RASTRIGIN, 1), RASTRIGIN, GenerationListener.NONE,
                Termination.evaluationBudget(255));
        assertEquals(250, end.evaluations());
        assertEquals(24, end.generation());
    }

    @Test
    void fitnessTargetStopsTheRun() {
        Ncs ncs = new Ncs(NcsParams.defaults(10, 5000, 4, -100, 100));
        BatchEvaluator sphere = SerialEvaluator.of(AnalyticFunction.SPHERE);
        NcsState end = ncs.run(ncs.init(sphere, 1), sphere, GenerationListener.NONE,
                Termination.fitnessAtMost(1).or(Termination.never()));
        assertTrue(end.bestFitness() <= 1);
        assertTrue(end.generation() < 5000);
    }

    @Test
    void feasibilityPredicateIsAParameter() {
        List<Integer> feasibleByDefault = new ArrayList<>();
        List<Integer> feasibleWhenFinite = new ArrayList<>();
        NcsParams params = NcsParams.defaults(10, 20, 8, -5, 5);
        new Ncs(params).run(RASTRIGIN, 8, (stats, state) -> feasibleByDefault.add(stats.feasible()));
        new Ncs(params, Double::isFinite).run(RASTRIGIN, 8, (stats, state) -> feasibleWhenFinite.add(stats.feasible()));
        assertEquals(21, feasibleByDefault.size());
        assertTrue(feasibleByDefault.stream().allMatch(n -> n == 0), "Rastrigin 8-D stays above 1 this early");
        assertTrue(feasibleWhenFinite.stream().allMatch(n -> n == 10));
    }
}
