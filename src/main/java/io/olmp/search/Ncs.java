package io.olmp.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Negatively Correlated Search, continuous variant (NCS-C): K. Tang, P. Yang, X. Yao,
 * "Negatively Correlated Search", IEEE Journal on Selected Areas in Communications 34(3),
 * 542-550, 2016. It runs N Gaussian search processes in parallel; a child replaces its parent
 * when it is good enough relative to the best so far and, weighted by a random lambda, far
 * enough (in Bhattacharyya distance) from the other processes, so the processes spread out.
 *
 * <p>This class implements docs/method.md, NCS-C, exactly; the steps of one
 * generation t are, in this order:
 * <ol>
 *   <li>propose y_k = x_k + sigma_k .* randn(D) for every process (normals drawn process by
 *       process, dimension by dimension) and reflect each coordinate at the bounds: y &lt; lb
 *       becomes 2 lb - y, clamped to ub if that overshoots, and y &gt; ub becomes 2 ub - y,
 *       clamped to lb;</li>
 *   <li>score all N children in ONE call of the {@link BatchEvaluator};</li>
 *   <li>best = min(best, min g_k) (on ties the earlier candidate stays best);</li>
 *   <li>G_k = b / (a + b) with a = f_k - best, b = g_k - best;</li>
 *   <li>Corr(x_k) and Corr(y_k): the minimum over j != k of the Bhattacharyya distance from
 *       N(x_k, sigma_k), respectively N(y_k, sigma_k), to N(x_j, sigma_j), all against the
 *       parents of generation t; C'_k = Corr(y_k) / (Corr(x_k) + Corr(y_k));</li>
 *   <li>lambda_k = 1 + lambdaSigma * randn() for k = 1..N, then
 *       lambdaSigma = lambdaRange - lambdaRange * t / Tmax;</li>
 *   <li>accept the child (x_k = y_k, f_k = g_k, success_k += 1) when lambda_k * C'_k &gt; G_k;</li>
 *   <li>when t mod epoch == 0, the 1/5 success rule per process: success_k / epoch &gt; 1/5
 *       gives sigma_k / r, &lt; 1/5 gives sigma_k * r, then success_k = 0.</li>
 * </ol>
 * F_k = a / (a + b), the parent's normalised fitness in the paper, does not enter the rule and
 * is not computed.
 *
 * <p>Choices where the reference code is silent (ours, see docs/method.md, NCS-C): when a + b = 0,
 * G_k = 1/2; when Corr(x_k) + Corr(y_k) = 0, C'_k = 1/2; a failed candidate, or one scored NaN
 * (or -infinity), scores +infinity and is never accepted; sigma is capped at ub - lb in each
 * dimension (and the initial sigma must respect that cap, see {@link NcsParams}).
 *
 * <p>Symbols and fields: N = {@link NcsParams#popN()}, Tmax = {@link NcsParams#tmax()},
 * D = {@link NcsParams#dimension()}, lb/ub = {@link NcsParams#lowerBounds()}/{@link NcsParams#upperBounds()},
 * r = {@link NcsParams#r()}, epoch = {@link NcsParams#epoch()}, the initial lambdaSigma (0.1 in
 * the paper) = {@link NcsParams#lambdaRange()}; per process k: x_k = {@link SearchProcess#mean()},
 * sigma_k = {@link SearchProcess#sigma()}, f_k = {@link SearchProcess#fitness()},
 * success_k = {@link SearchProcess#successes()}; t = {@link NcsState#generation()},
 * lambdaSigma = {@link NcsState#lambdaSigma()}, best = {@link NcsState#bestX()} and
 * {@link NcsState#bestFitness()}. The random generator's state travels in
 * {@link NcsState#random()}, so a run resumed from a state (or its JSON form) continues bit for
 * bit.
 *
 * <p>Immutable and thread safe: an instance holds only the parameters, so one instance can drive
 * any number of runs.
 */
public final class Ncs {

    /** OLMP's feasibility: an infeasible candidate scores above 1 (docs/method.md, The objective and the constraint). */
    public static final DoublePredicate DEFAULT_FEASIBILITY = score -> score <= 1;

    private final NcsParams params;
    private final DoublePredicate feasibility;
    private final double[] lowerBounds;
    private final double[] upperBounds;
    private final double[] widths;

    public Ncs(NcsParams params) {
        this(params, DEFAULT_FEASIBILITY);
    }

    /**
     * @param feasibility which scores {@link GenerationStats#feasible()} counts as feasible
     */
    public Ncs(NcsParams params, DoublePredicate feasibility) {
        this.params = Objects.requireNonNull(params, "params");
        this.feasibility = Objects.requireNonNull(feasibility, "feasibility");
        this.lowerBounds = params.lowerBounds();
        this.upperBounds = params.upperBounds();
        this.widths = new double[lowerBounds.length];
        for (int d = 0; d < widths.length; d++) {
            widths[d] = upperBounds[d] - lowerBounds[d];
        }
    }

    public NcsParams params() {
        return params;
    }

    /** The initial population, drawn uniformly within the search bounds and scored in one batch. */
    public NcsState init(BatchEvaluator evaluator, long seed) {
        return init(evaluator, seed, lowerBounds, upperBounds, GenerationListener.NONE);
    }

    /**
     * The initial population, drawn uniformly within {@code [initLower[d], initUpper[d]]} (which
     * must lie within the search bounds) and scored in one batch. OLMP draws it within [current
     * sparsity, 100] while the search bounds stay [0, 100].
     */
    public NcsState init(BatchEvaluator evaluator, long seed, double[] initLower, double[] initUpper) {
        return init(evaluator, seed, initLower, initUpper, GenerationListener.NONE);
    }

    /** As {@link #init(BatchEvaluator, long, double[], double[])}, reporting generation 0 to the listener. */
    public NcsState init(BatchEvaluator evaluator, long seed, double[] initLower, double[] initUpper,
                         GenerationListener listener) {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(listener, "listener");
        checkInitBounds(initLower, initUpper);
        int n = params.popN();
        int dim = params.dimension();
        NcsRandom random = NcsRandom.seeded(seed);
        double[][] x = new double[n][dim];
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < dim; d++) {
                x[k][d] = initLower[d] + (initUpper[d] - initLower[d]) * random.nextDouble();
            }
        }
        ScoredBatch scores = score(x, evaluator);
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (scores.values[k] < scores.values[best]) {
                best = k;
            }
        }
        double[] sigma = params.initialSigma();
        List<SearchProcess> processes = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            processes.add(new SearchProcess(x[k], sigma, scores.values[k], 0));
        }
        NcsState state = new NcsState(0, n, processes, params.lambdaRange(), x[best],
                scores.values[best], random.state());
        listener.onGeneration(stats(state, scores, 0), state);
        return state;
    }

    /** One generation: propose all N children, score them in one batch, update. */
    public NcsState step(NcsState state, BatchEvaluator evaluator) {
        return step(state, evaluator, GenerationListener.NONE);
    }

    /** One generation, reporting its statistics and the new state to {@code listener}. */
    public NcsState step(NcsState state, BatchEvaluator evaluator, GenerationListener listener) {
        Objects.requireNonNull(state, "state");
        NcsRandom random = new NcsRandom(state.random());
        return step(state, evaluator, listener, random::nextGaussian, random::state);
    }

    /** Initialises with {@code seed} and runs Tmax generations. */
    public NcsState run(BatchEvaluator evaluator, long seed, GenerationListener listener) {
        NcsState start = init(evaluator, seed, lowerBounds, upperBounds, listener);
        return run(start, evaluator, listener, Termination.never());
    }

    /**
     * Runs from {@code start} (a fresh or a resumed state) until Tmax generations are completed
     * or {@code termination} says stop, whichever comes first.
     */
    public NcsState run(NcsState start, BatchEvaluator evaluator, GenerationListener listener,
                        Termination termination) {
        Objects.requireNonNull(termination, "termination");
        NcsState state = start;
        while (!isFinished(state) && !termination.shouldStop(state)) {
            state = step(state, evaluator, listener);
        }
        return state;
    }

    /** Whether {@code state} has completed Tmax generations. */
    public boolean isFinished(NcsState state) {
        return state.generation() >= params.tmax();
    }

    /**
     * One generation with the standard normals taken from {@code normals} (N * D for the steps,
     * then N for lambda); {@code randomAfter} supplies the random state stored in the result.
     * Package-private so that tests can script the random numbers.
     */
    NcsState step(NcsState state, BatchEvaluator evaluator, GenerationListener listener,
                  DoubleSupplier normals, Supplier<RandomState> randomAfter) {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(listener, "listener");
        checkCompatible(state);
        int n = params.popN();
        int dim = params.dimension();
        int t = state.generation() + 1;

        double[][] x = new double[n][];
        double[][] sigma = new double[n][];
        double[] f = new double[n];
        int[] successes = new int[n];
        for (int k = 0; k < n; k++) {
            SearchProcess p = state.process(k);
            x[k] = p.mean();
            sigma[k] = p.sigma();
            f[k] = p.fitness();
            successes[k] = p.successes();
        }

        // steps 1-2 of the class documentation: propose and reflect, then score in one batch
        double[][] y = new double[n][dim];
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < dim; d++) {
                y[k][d] = reflect(x[k][d] + sigma[k][d] * normals.getAsDouble(), lowerBounds[d], upperBounds[d]);
            }
        }

        ScoredBatch scores = score(y, evaluator);
        double[] g = scores.values;

        // step 3
        double bestFitness = state.bestFitness();
        double[] bestX = null;
        for (int k = 0; k < n; k++) {
            if (g[k] < bestFitness) {
                bestFitness = g[k];
                bestX = y[k];
            }
        }
        if (bestX == null) {
            bestX = state.bestX();
        }

        // step 5 (step 4, G_k, is computed with the acceptance below)
        double[][] corr = correlations(x, y, sigma);
        double[] corrParent = corr[0];
        double[] corrChild = corr[1];

        // step 6
        double lambdaSigma = state.lambdaSigma();
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            lambda[k] = 1 + lambdaSigma * normals.getAsDouble();
        }
        double nextLambdaSigma = params.lambdaRange() - params.lambdaRange() * t / params.tmax();

        // steps 4 and 7
        int accepted = 0;
        for (int k = 0; k < n; k++) {
            double childFitness = normalisedChildFitness(f[k], g[k], bestFitness);
            double childCorrelation = normalisedChildCorrelation(corrParent[k], corrChild[k]);
            if (g[k] != Double.POSITIVE_INFINITY && lambda[k] * childCorrelation > childFitness) {
                x[k] = y[k];
                f[k] = g[k];
                successes[k]++;
                accepted++;
            }
        }

        // step 8
        if (t % params.epoch() == 0) {
            for (int k = 0; k < n; k++) {
                updateSigma(sigma[k], successes[k]);
                successes[k] = 0;
            }
        }

        List<SearchProcess> processes = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            processes.add(new SearchProcess(x[k], sigma[k], f[k], successes[k]));
        }
        NcsState next = new NcsState(t, state.evaluations() + n, processes, nextLambdaSigma,
                bestX, bestFitness, randomAfter.get());
        listener.onGeneration(stats(next, scores, accepted), next);
        return next;
    }

    /** Reflection at the bounds, per coordinate, with the clamp when the reflection overshoots. */
    static double reflect(double y, double lb, double ub) {
        if (y < lb) {
            double reflected = 2 * lb - y;
            return reflected > ub ? ub : reflected;
        }
        if (y > ub) {
            double reflected = 2 * ub - y;
            return reflected < lb ? lb : reflected;
        }
        return y;
    }

    /** G_k = b / (a + b), a = f_k - best, b = g_k - best; 1/2 when a + b = 0 (ours). */
    static double normalisedChildFitness(double parentFitness, double childFitness, double best) {
        double a = parentFitness - best;
        double b = childFitness - best;
        double sum = a + b;
        return sum == 0 ? 0.5 : b / sum;
    }

    /** C'_k = Corr(y_k) / (Corr(x_k) + Corr(y_k)); 1/2 when both are 0 (ours). */
    static double normalisedChildCorrelation(double parentCorrelation, double childCorrelation) {
        double sum = parentCorrelation + childCorrelation;
        return sum == 0 ? 0.5 : childCorrelation / sum;
    }

    /**
     * Corr(x_k) and Corr(y_k) for every k: the smallest Bhattacharyya distance to the other
     * parents. Returns {Corr(x), Corr(y)}.
     */
    static double[][] correlations(double[][] x, double[][] y, double[][] sigma) {
        int n = x.length;
        double[][] variance = new double[n][];
        double[][] logVariance = new double[n][];
        for (int k = 0; k < n; k++) {
            variance[k] = Bhattacharyya.squares(sigma[k]);
            logVariance[k] = Bhattacharyya.logs(variance[k]);
        }
        // symmetric in k and j, bit for bit, so each pair is computed once
        double[][] sigmaTerm = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int j = k + 1; j < n; j++) {
                double term = Bhattacharyya.sigmaTerm(variance[k], logVariance[k], variance[j], logVariance[j]);
                sigmaTerm[k][j] = term;
                sigmaTerm[j][k] = term;
            }
        }
        double[] parent = new double[n];
        double[] child = new double[n];
        for (int k = 0; k < n; k++) {
            double minParent = Double.POSITIVE_INFINITY;
            double minChild = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == k) {
                    continue;
                }
                minParent = Math.min(minParent,
                        Bhattacharyya.meanTerm(x[k], x[j], variance[k], variance[j]) + sigmaTerm[k][j]);
                minChild = Math.min(minChild,
                        Bhattacharyya.meanTerm(y[k], x[j], variance[k], variance[j]) + sigmaTerm[k][j]);
            }
            parent[k] = minParent;
            child[k] = minChild;
        }
        return new double[][] {parent, child};
    }

    /** The 1/5 success rule, in place, with sigma capped at ub - lb (ours). */
    private void updateSigma(double[] sigma, int successes) {
        // success / epoch compared with 1/5 exactly, in integers
        int fiveTimesSuccesses = 5 * successes;
        if (fiveTimesSuccesses > params.epoch()) {
            for (int d = 0; d < sigma.length; d++) {
                sigma[d] = Math.min(sigma[d] / params.r(), widths[d]);
            }
        } else if (fiveTimesSuccesses < params.epoch()) {
            for (int d = 0; d < sigma.length; d++) {
                sigma[d] = sigma[d] * params.r();
            }
        }
    }

    /** Scores after the contract check, failures and NaN already mapped to +infinity. */
    private record ScoredBatch(double[] values, int failed, List<String> failures) {
    }

    private static ScoredBatch score(double[][] candidates, BatchEvaluator evaluator) {
        int n = candidates.length;
        List<double[]> batch = new ArrayList<>(n);
        for (double[] candidate : candidates) {
            batch.add(candidate.clone());
        }
        List<Score> scores = evaluator.evaluate(Collections.unmodifiableList(batch));
        if (scores == null || scores.size() != n) {
            throw new IllegalStateException("The BatchEvaluator returned "
                    + (scores == null ? "null" : scores.size() + " scores") + " for " + n
                    + " candidates; it must return exactly one score per candidate, in order. "
                    + "Check your evaluator.");
        }
        double[] values = new double[n];
        int failed = 0;
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Score score = scores.get(k);
            if (score == null) {
                throw new IllegalStateException("The BatchEvaluator returned null as the score of candidate "
                        + k + " of " + n + "; return Score.failed(reason) for a candidate it cannot score. "
                        + "Check your evaluator.");
            }
            String failure = score.isFailed() ? score.failure()
                    : Double.isNaN(score.value()) ? "scored NaN"
                    : score.value() == Double.NEGATIVE_INFINITY ? "scored -Infinity"
                    : null;
            if (failure == null) {
                values[k] = score.value();
            } else {
                values[k] = Double.POSITIVE_INFINITY;
                failed++;
                failures.add("candidate " + k + ": " + failure);
            }
        }
        return new ScoredBatch(values, failed, failures);
    }

    private GenerationStats stats(NcsState state, ScoredBatch scores, int accepted) {
        int feasible = 0;
        for (double v : scores.values) {
            if (feasibility.test(v)) {
                feasible++;
            }
        }
        double sumParents = 0;
        double minSigma = Double.POSITIVE_INFINITY;
        double maxSigma = Double.NEGATIVE_INFINITY;
        for (SearchProcess p : state.processes()) {
            sumParents += p.fitness();
            for (double s : p.sigma()) {
                minSigma = Math.min(minSigma, s);
                maxSigma = Math.max(maxSigma, s);
            }
        }
        return new GenerationStats(state.generation(), state.evaluations(), state.bestFitness(),
                sumParents / state.populationSize(), scores.values.length, feasible, accepted,
                scores.failed, minSigma, maxSigma, scores.failures);
    }

    private void checkInitBounds(double[] initLower, double[] initUpper) {
        Objects.requireNonNull(initLower, "initLower");
        Objects.requireNonNull(initUpper, "initUpper");
        int dim = params.dimension();
        if (initLower.length != dim || initUpper.length != dim) {
            throw new IllegalArgumentException("initLower and initUpper must have dimension " + dim
                    + ", but had " + initLower.length + " and " + initUpper.length);
        }
        for (int d = 0; d < dim; d++) {
            if (!(lowerBounds[d] <= initLower[d] && initLower[d] <= initUpper[d] && initUpper[d] <= upperBounds[d])) {
                throw new IllegalArgumentException("initial bounds of dimension " + d
                        + " must satisfy lowerBounds[d] <= initLower[d] <= initUpper[d] <= upperBounds[d], but were "
                        + lowerBounds[d] + ", " + initLower[d] + ", " + initUpper[d] + ", " + upperBounds[d]);
            }
        }
    }

    private void checkCompatible(NcsState state) {
        if (state.populationSize() != params.popN() || state.dimension() != params.dimension()) {
            throw new IllegalArgumentException("state has " + state.populationSize() + " processes in "
                    + state.dimension() + " dimensions, but the parameters say popN = " + params.popN()
                    + " and dimension = " + params.dimension());
        }
        if (isFinished(state)) {
            throw new IllegalStateException("state is at generation " + state.generation()
                    + ", which is tmax = " + params.tmax() + " or beyond; a run has no further generations");
        }
    }
}
