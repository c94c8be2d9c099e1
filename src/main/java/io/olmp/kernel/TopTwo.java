package io.olmp.kernel;

/**
 * The largest of a row of logits, its class (the first on equal values, as ND4J's argmax) and the
 * runner-up value (equal to the top when two classes tie), for the kernels' near-tie checks.
 */
record TopTwo(int best, float top, float second, boolean nan) {

    /** Over values[offset .. offset + count). */
    static TopTwo of(float[] values, int offset, int count) {
        int best = 0;
        float top = values[offset];
        float second = Float.NEGATIVE_INFINITY;
        boolean nan = Float.isNaN(top);
        for (int j = 1; j < count; j++) {
            float v = values[offset + j];
            if (v > top) {
                second = top;
                top = v;
                best = j;
            } else if (v > second || v == top) {
                second = v;
            }
            nan |= Float.isNaN(v);
        }
        return new TopTwo(best, top, second, nan);
    }

    float gap() {
        return top - second;
    }
}
