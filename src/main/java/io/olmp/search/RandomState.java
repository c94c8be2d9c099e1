package io.olmp.search;

/**
 * The complete state of {@link NcsRandom}: the four 64-bit words of xoshiro256** and the spare
 * standard normal cached by the Marsaglia polar method. Restoring it continues the exact same
 * sequence of uniforms and normals.
 *
 * @param s0              xoshiro256** state word 0
 * @param s1              xoshiro256** state word 1
 * @param s2              xoshiro256** state word 2
 * @param s3              xoshiro256** state word 3
 * @param hasSpareNormal  whether the polar method has a second normal cached
 * @param spareNormal     the cached normal; 0 when {@code hasSpareNormal} is false
 */
public record RandomState(long s0, long s1, long s2, long s3, boolean hasSpareNormal, double spareNormal) {

    public RandomState {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException(
                    "xoshiro256** state must not be all zero, but was s0 = s1 = s2 = s3 = 0");
        }
        if (!hasSpareNormal && spareNormal != 0) {
            throw new IllegalArgumentException(
                    "spareNormal must be 0 when hasSpareNormal is false, but was " + spareNormal);
        }
        if (hasSpareNormal && !Double.isFinite(spareNormal)) {
            throw new IllegalArgumentException("spareNormal must be finite, but was " + spareNormal);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomState s
                && s0 == s.s0 && s1 == s.s1 && s2 == s.s2 && s3 == s.s3
                && hasSpareNormal == s.hasSpareNormal
                && Double.compare(spareNormal, s.spareNormal) == 0;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(s0);
        h = 31 * h + Long.hashCode(s1);
        h = 31 * h + Long.hashCode(s2);
        h = 31 * h + Long.hashCode(s3);
        h = 31 * h + Boolean.hashCode(hasSpareNormal);
        return 31 * h + Double.hashCode(spareNormal);
    }
}
