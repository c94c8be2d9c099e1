package io.olmp.search;

import static io.olmp.search.Scripted.process;
import static io.olmp.search.Scripted.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olmp.search.Scripted.Recorder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One generation with scripted normals and scores, checked against values worked out by hand
 * from docs/method.md, NCS-C.
 */
class NcsGenerationTest {

    private static final double R = 0.99;

    private static Ncs ncs(int popN, int tmax, double[] lb, double[] ub, double[] sigma, int epoch) {
        return new Ncs(new NcsParams(popN, tmax, lb, ub, sigma, R, epoch, 0.1));
    }

    /** Two processes on [-10, 10] with sigma 1, tmax 100, no sigma update in the first generation. */
    private static Ncs lineNcs() {
        return ncs(2, 100, new double[] {-10}, new double[] {10}, new double[] {1}, 100);
    }

    private static NcsState lineState() {
        return state(0, 0.1, new double[] {5}, 2,
                process(new double[] {0}, new double[] {1}, 4, 0),
                process(new double[] {5}, new double[] {1}, 2, 0));
    }

    @Test
    void acceptsChildWhenLambdaTimesNormalisedCorrelationExceedsNormalisedFitness() {
        // y0 = 1, y1 = 5.5; best stays 2.
        // G0 = (3-2)/((4-2)+(3-2)) = 1/3; Corr(x0) = 25/8, Corr(y0) = 16/8, C'0 = 2/5.125 = 0.390 > 1/3: accept.
        // G1 = 0.5/(0+0.5) = 1; C'1 = 3.78125/6.90625 = 0.548 < 1: reject.
        GenerationStats[] stats = new GenerationStats[1];
        NcsState next = Scripted.step(lineNcs(), lineState(), Recorder.scores(3, 2.5), stats, 1, 0.5, 0, 0);

        assertEquals(process(new double[] {1}, new double[] {1}, 3, 1), next.process(0));
        assertEquals(lineState().process(1), next.process(1));
        assertEquals(1, next.generation());
        assertEquals(lineState().evaluations() + 2, next.evaluations());
        assertEquals(2, next.bestFitness());
        assertArrayEquals(new double[] {5}, next.bestX());
        assertEquals(0.1 - 0.1 * 1 / 100, next.lambdaSigma());
        assertEquals(1, stats[0].accepted());
        assertEquals(0, stats[0].failed());
        assertEquals(2, stats[0].evaluated());
        assertEquals(0, stats[0].feasible());
        assertEquals((3 + 2) / 2.0, stats[0].meanParentFitness());
    }

    @Test
    void smallLambdaRejectsAChildThatLambdaOneWouldAccept() {
        // lambda0 = 1 + 0.1 * (-2) = 0.8; 0.8 * 0.390 = 0.312 < 1/3
        NcsState next = Scripted.step(lineNcs(), lineState(), Recorder.scores(3, 2.5), 1, 0.5, -2, 0);
        assertEquals(lineState().processes(), next.processes());
    }

    @Test
    void childBetterThanBestBecomesBest() {
        NcsState next = Scripted.step(lineNcs(), lineState(), Recorder.scores(3, 1.5), 1, 0.5, 0, 0);
        assertEquals(1.5, next.bestFitness());
        assertArrayEquals(new double[] {5.5}, next.bestX());
    }

    @Test
    void reflectsEachCoordinateAtTheBoundAndClampsOvershoot() {
        Ncs ncs = ncs(2, 100, new double[] {0, 0}, new double[] {10, 10}, new double[] {10, 10}, 100);
        NcsState state = state(0, 0.1, new double[] {1, 9}, 1,
                process(new double[] {1, 9}, new double[] {10, 10}, 1, 0),
                process(new double[] {9, 1}, new double[] {10, 10}, 1, 0));
        Recorder recorder = new Recorder(Score.failed("x"), Score.failed("x"));
        // p0: 1 - 5 = -4 -> 4;   9 + 15 = 24 -> 20 - 24 = -4 -> clamped to 0
        // p1: 9 + 5 = 14 -> 6;   1 - 15 = -14 -> 14 -> clamped to 10
        Scripted.step(ncs, state, recorder, -0.5, 1.5, 0.5, -1.5, 0, 0);
        assertArrayEquals(new double[] {4, 0}, recorder.candidates.get(0));
        assertArrayEquals(new double[] {6, 10}, recorder.candidates.get(1));
    }

    @Test
    void reflectionLeavesPointsInsideOrOnTheBoundsAlone() {
        assertEquals(0, Ncs.reflect(0, 0, 10));
        assertEquals(10, Ncs.reflect(10, 0, 10));
        assertEquals(3.5, Ncs.reflect(3.5, 0, 10));
        assertEquals(2.5, Ncs.reflect(-2.5, 0, 10));
        assertEquals(7.5, Ncs.reflect(12.5, 0, 10));
        assertEquals(10, Ncs.reflect(-10.5, 0, 10));
        assertEquals(0, Ncs.reflect(20.5, 0, 10));
    }

    /** Three processes whose success counts before generation t are 4, 0, 0; children 0 and 1 win, child 2 is NaN. */
    private static NcsState epochState(int generation) {
        return state(generation, 0.1, new double[] {-50}, 10,
                process(new double[] {-50}, new double[] {1}, 10, 4),
                process(new double[] {0}, new double[] {1}, 10, 0),
                process(new double[] {50}, new double[] {1}, 10, 0));
    }

    private static Ncs epochNcs() {
        return ncs(3, 100, new double[] {-100}, new double[] {100}, new double[] {1}, 5);
    }

    @Test
    void onEpochBoundaryAppliesTheOneFifthRuleAndResetsCounters() {
        // t = 5 = epoch. Successes become 5, 1, 0 of 5: rate 1 > 1/5 grows, rate exactly 1/5 keeps,
        // rate 0 shrinks.
        GenerationStats[] stats = new GenerationStats[1];
        NcsState next = Scripted.step(epochNcs(), epochState(4), Recorder.scores(-1, -2, Double.NaN), stats,
                0.1, 0.1, 0.1, 0, 0, 0);
        assertArrayEquals(new double[] {1 / R}, next.process(0).sigma());
        assertArrayEquals(new double[] {1}, next.process(1).sigma());
        assertArrayEquals(new double[] {R}, next.process(2).sigma());
        for (SearchProcess p : next.processes()) {
            assertEquals(0, p.successes());
        }
        assertEquals(-2, next.bestFitness());
        assertArrayEquals(new double[] {0.1}, next.bestX());
        assertEquals(2, stats[0].accepted());
        assertEquals(1, stats[0].failed());
        assertEquals(List.of("candidate 2: scored NaN"), stats[0].failures());
        assertEquals(2, stats[0].feasible());
        assertEquals(R, stats[0].minSigma());
        assertEquals(1 / R, stats[0].maxSigma());
    }

    @Test
    void offEpochBoundaryOnlyCountsSuccesses() {
        NcsState next = Scripted.step(epochNcs(), epochState(3), Recorder.scores(-1, -2, Double.NaN),
                0.1, 0.1, 0.1, 0, 0, 0);
        int[] successes = next.processes().stream().mapToInt(SearchProcess::successes).toArray();
        assertArrayEquals(new int[] {5, 1, 0}, successes);
        for (SearchProcess p : next.processes()) {
            assertArrayEquals(new double[] {1}, p.sigma());
        }
    }

    @Test
    void sigmaGrowthIsCappedAtTheBoundWidthPerDimension() {
        Ncs ncs = ncs(2, 100, new double[] {0, 0}, new double[] {10, 1000}, new double[] {9.95, 9.95}, 1);
        NcsState state = state(0, 0.1, new double[] {2, 100}, 5,
                process(new double[] {2, 100}, new double[] {9.95, 9.95}, 5, 0),
                process(new double[] {8, 900}, new double[] {9.95, 9.95}, 5, 0));
        // zero steps: y = x, C' = 1/2; G0 = 1/8 and G1 = 0, so both are accepted and both grow
        NcsState next = Scripted.step(ncs, state, Recorder.scores(-1, -2), 0, 0, 0, 0, 0, 0);
        for (SearchProcess p : next.processes()) {
            assertArrayEquals(new double[] {10, 9.95 / R}, p.sigma());
        }
    }

    private static NcsState tieState() {
        return state(0, 0.1, new double[] {0}, 1,
                process(new double[] {0}, new double[] {1}, 1, 0),
                process(new double[] {10}, new double[] {1}, 5, 0));
    }

    @Test
    void parentAndChildEqualToBestGiveNormalisedFitnessOneHalf() {
        assertEquals(0.5, Ncs.normalisedChildFitness(1, 1, 1));
        Recorder recorder = new Recorder(Score.of(1), Score.failed("x"));
        // y0 = -0.5: C'0 = 110.25 / 210.25 = 0.524 > 1/2, accepted
        NcsState accepted = Scripted.step(lineNcsWide(), tieState(), recorder, -0.5, 0, 0, 0);
        assertEquals(process(new double[] {-0.5}, new double[] {1}, 1, 1), accepted.process(0));
        assertArrayEquals(new double[] {0}, accepted.bestX(), "a tie does not replace the best");
        // y0 = 0.5: C'0 = 90.25 / 190.25 = 0.474 < 1/2, rejected
        NcsState rejected = Scripted.step(lineNcsWide(), tieState(), recorder, 0.5, 0, 0, 0);
        assertEquals(tieState().process(0), rejected.process(0));
    }

    private static Ncs lineNcsWide() {
        return ncs(2, 100, new double[] {-100}, new double[] {100}, new double[] {1}, 100);
    }

    @Test
    void bothCorrelationsZeroGiveNormalisedCorrelationOneHalf() {
        assertEquals(0.5, Ncs.normalisedChildCorrelation(0, 0));
        NcsState state = state(0, 0.1, new double[] {9}, 1,
                process(new double[] {3}, new double[] {1}, 2, 0),
                process(new double[] {3}, new double[] {1}, 2, 0));
        // both processes at 3 and both children at 3: every distance is 0, so C' = 1/2.
        // G0 = 0.5 / 1.5 = 1/3 < 1/2 accepted; G1 = 1.5 / 2.5 = 0.6 > 1/2 rejected
        NcsState next = Scripted.step(lineNcsWide(), state, Recorder.scores(1.5, 2.5), 0, 0, 0, 0);
        assertEquals(1.5, next.process(0).fitness());
        assertEquals(1, next.process(0).successes());
        assertEquals(state.process(1), next.process(1));
    }

    @Test
    void failedOrNaNOrNegativeInfinityScoresCountAsInfinityAndAreNeverAccepted() {
        NcsState state = state(0, 0.1, new double[] {5}, 2,
                process(new double[] {0}, new double[] {1}, Double.POSITIVE_INFINITY, 0),
                process(new double[] {5}, new double[] {1}, 2, 0));
        GenerationStats[] stats = new GenerationStats[1];
        Recorder recorder = new Recorder(Score.failed("out of memory on executor 3"),
                Score.of(Double.NEGATIVE_INFINITY));
        NcsState next = Scripted.step(lineNcs(), state, recorder, stats, 1, 0.5, 0, 0);
        assertEquals(state.processes(), next.processes());
        assertEquals(2, next.bestFitness());
        assertEquals(2, stats[0].failed());
        assertEquals(0, stats[0].accepted());
        assertEquals(List.of("candidate 0: out of memory on executor 3", "candidate 1: scored -Infinity"),
                stats[0].failures());
    }

    @Test
    void childOfAFailedParentIsAcceptedOnAFiniteScore() {
        NcsState state = state(0, 0.1, new double[] {5}, 2,
                process(new double[] {0}, new double[] {1}, Double.POSITIVE_INFINITY, 0),
                process(new double[] {5}, new double[] {1}, 2, 0));
        // a = infinity, so G0 = b / infinity = 0 and any positive C' accepts
        NcsState next = Scripted.step(lineNcs(), state, Recorder.scores(50, 3), 1, 0.5, 0, 0);
        assertEquals(50, next.process(0).fitness());
    }

    @Test
    void exceptionForOneCandidateFailsOnlyThatCandidate() {
        BatchEvaluator throwsForSecond = SerialEvaluator.of(x -> {
            if (x[0] > 5) {
                throw new IllegalStateException("boom");
            }
            return 3;
        });
        GenerationStats[] stats = new GenerationStats[1];
        NcsState next = Scripted.step(lineNcs(), lineState(), throwsForSecond, stats, 1, 0.5, 0, 0);
        assertEquals(List.of("candidate 1: java.lang.IllegalStateException: boom"), stats[0].failures());
        assertEquals(3, next.process(0).fitness());
        assertEquals(lineState().process(1), next.process(1));
    }

    @Test
    void wrongScoreCountIsAnIllegalStateNamingBothCounts() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Scripted.step(lineNcs(), lineState(), Recorder.scores(1), 1, 0.5, 0, 0));
        assertEquals("The BatchEvaluator returned 1 scores for 2 candidates; it must return exactly one score "
                + "per candidate, in order. Check your evaluator.", e.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Scripted.step(lineNcs(), lineState(), candidates -> null, 1, 0.5, 0, 0));
        assertTrue(none.getMessage().startsWith("The BatchEvaluator returned null for 2 candidates"));
        IllegalStateException nullScore = assertThrows(IllegalStateException.class,
                () -> Scripted.step(lineNcs(), lineState(), candidates -> java.util.Arrays.asList(Score.of(1), null),
                        1, 0.5, 0, 0));
        assertTrue(nullScore.getMessage().contains("null as the score of candidate 1 of 2"));
    }

    @Test
    void exceptionFromTheWholeBatchPropagatesAndLeavesTheStateUsable() {
        RuntimeException boom = new RuntimeException("cluster lost");
        NcsState state = lineState();
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> Scripted.step(lineNcs(), state, candidates -> {
                    throw boom;
                }, 1, 0.5, 0, 0));
        assertSame(boom, thrown);
        assertEquals(lineState(), state);
    }

    @Test
    void evaluatorGetsCopiesOfTheCandidates() {
        BatchEvaluator vandal = candidates -> {
            List<Score> scores = candidates.stream().map(c -> Score.of(3)).toList();
            candidates.forEach(c -> c[0] = 99);
            return scores;
        };
        NcsState next = Scripted.step(lineNcs(), lineState(), vandal, 1, 0.5, 0, 0);
        assertArrayEquals(new double[] {1}, next.process(0).mean());
    }

    @Test
    void steppingAFinishedStateIsRejected() {
        Ncs ncs = ncs(2, 1, new double[] {-10}, new double[] {10}, new double[] {1}, 100);
        NcsState finished = Scripted.step(ncs, lineState(), Recorder.scores(3, 2.5), 1, 0.5, 0, 0);
        assertEquals(0.0, finished.lambdaSigma(), "lambdaSigma reaches 0 at Tmax");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ncs.step(finished, Recorder.scores(3, 2.5)));
        assertEquals("state is at generation 1, which is tmax = 1 or beyond; a run has no further generations",
                e.getMessage());
    }

    @Test
    void stateOfOtherShapeIsRejected() {
        Ncs threeProcesses = epochNcs();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> threeProcesses.step(lineState(), Recorder.scores(1, 2)));
        assertEquals("state has 2 processes in 1 dimensions, but the parameters say popN = 3 and dimension = 1",
                e.getMessage());
    }
}
