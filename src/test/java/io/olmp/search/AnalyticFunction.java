package io.olmp.search;

import java.util.function.ToDoubleFunction;

/**
 * The analytic benchmark functions of the NCS-C benchmarks (docs/method.md), each with its search bounds (the same in every
 * dimension) and minimum 0.
 */
enum AnalyticFunction implements ToDoubleFunction<double[]> {

    /** sum x_i^2. */
    SPHERE(-100, 100) {
        @Override
        public double applyAsDouble(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += v * v;
            }
            return sum;
        }
    },

    /** sum 10^(6 (i-1)/(D-1)) x_i^2: condition number 1e6. */
    ELLIPSOID(-100, 100) {
        @Override
        public double applyAsDouble(double[] x) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double weight = x.length == 1 ? 1 : Math.pow(1e6, (double) i / (x.length - 1));
                sum += weight * x[i] * x[i];
            }
            return sum;
        }
    },

    /** sum_{i<D} 100 (x_{i+1} - x_i^2)^2 + (x_i - 1)^2. */
    ROSENBROCK(-100, 100) {
        @Override
        public double applyAsDouble(double[] x) {
            double sum = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = x[i] - 1;
                sum += 100 * a * a + b * b;
            }
            return sum;
        }
    },

    /** 10 D + sum x_i^2 - 10 cos(2 pi x_i). */
    RASTRIGIN(-5, 5) {
        @Override
        public double applyAsDouble(double[] x) {
            double sum = 10.0 * x.length;
            for (double v : x) {
                sum += v * v - 10 * Math.cos(2 * Math.PI * v);
            }
            return sum;
        }
    },

    /** -20 exp(-0.2 sqrt(mean x_i^2)) - exp(mean cos(2 pi x_i)) + 20 + e. */
    ACKLEY(-32, 32) {
        @Override
        public double applyAsDouble(double[] x) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length))
                    - Math.exp(cosines / x.length) + 20 + Math.E;
        }
    };

    private final double lowerBound;
    private final double upperBound;

    AnalyticFunction(double lowerBound, double upperBound) {
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    double lowerBound() {
        return lowerBound;
    }

    double upperBound() {
        return upperBound;
    }

    /**
     * The benchmark setting: popN 10, the reference defaults otherwise, and Tmax = budget / popN - 1,
     * because the initial population uses the first popN evaluations of the budget.
     */
    NcsParams benchmarkParams(int dimension, int budget) {
        int popN = 10;
        return NcsParams.defaults(popN, budget / popN - 1, dimension, lowerBound, upperBound);
    }

    /** The budgets: 100,000 evaluations at 10-D and 300,000 at 30-D. */
    static int budgetFor(int dimension) {
        return dimension <= 10 ? 100_000 : 300_000;
    }

    /** The final best of one seeded benchmark run. */
    double bestAfterRun(int dimension, long seed) {
        Ncs ncs = new Ncs(benchmarkParams(dimension, budgetFor(dimension)));
        return ncs.run(SerialEvaluator.of(this), seed, GenerationListener.NONE).bestFitness();
    }
}
