package io.olmp.search;

/**
 * The Bhattacharyya distance between two Gaussians with diagonal covariance, NCS's measure of
 * how much two search processes overlap:
 * <pre>
 *   DB = 1/8 sum_d (m1_d - m2_d)^2 / c_d  +  1/2 sum_d [ln c_d - 1/2 (ln s1_d^2 + ln s2_d^2)],
 *   c_d = (s1_d^2 + s2_d^2) / 2
 * </pre>
 * The distance is split into the mean term and the sigma term because NCS needs the sigma term
 * of a pair of processes twice (for the parent and for its child, which share sigma).
 * Logarithms are {@link StrictMath#log}, so a trajectory is the same on every JVM.
 */
final class Bhattacharyya {

    private Bhattacharyya() {
    }

    static double distance(double[] m1, double[] s1, double[] m2, double[] s2) {
        double[] v1 = squares(s1);
        double[] v2 = squares(s2);
        return meanTerm(m1, m2, v1, v2) + sigmaTerm(v1, logs(v1), v2, logs(v2));
    }

    /** 1/8 sum_d (m1_d - m2_d)^2 / c_d, given the variances v = s^2. */
    static double meanTerm(double[] m1, double[] m2, double[] v1, double[] v2) {
        double sum = 0;
        for (int d = 0; d < m1.length; d++) {
            double diff = m1[d] - m2[d];
            sum += diff * diff / ((v1[d] + v2[d]) / 2);
        }
        return sum / 8;
    }

    /** 1/2 sum_d [ln c_d - 1/2 (ln v1_d + ln v2_d)], given the variances and their logarithms. */
    static double sigmaTerm(double[] v1, double[] logV1, double[] v2, double[] logV2) {
        double sum = 0;
        for (int d = 0; d < v1.length; d++) {
            sum += StrictMath.log((v1[d] + v2[d]) / 2) - (logV1[d] + logV2[d]) / 2;
        }
        return sum / 2;
    }

    static double[] squares(double[] s) {
        double[] v = new double[s.length];
        for (int d = 0; d < s.length; d++) {
            v[d] = s[d] * s[d];
        }
        return v;
    }

    static double[] logs(double[] v) {
        double[] l = new double[v.length];
        for (int d = 0; d < v.length; d++) {
            l[d] = StrictMath.log(v[d]);
        }
        return l;
    }
}
