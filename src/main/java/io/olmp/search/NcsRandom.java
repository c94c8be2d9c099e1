package io.olmp.search;

/**
 * The search's random generator, chosen so that its whole state fits in a {@link RandomState}
 * and can be written and restored exactly (the JDK's generators do not expose their state).
 *
 * <ul>
 *   <li>Uniform bits: xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom
 *       number generators", ACM TOMS 47(4), 2021; reference code at prng.di.unimi.it).</li>
 *   <li>Seeding: the four state words are the first four outputs of SplitMix64 started at the
 *       seed, as the xoshiro authors recommend.</li>
 *   <li>Uniform double in [0, 1): the top 53 bits times 2<sup>-53</sup>.</li>
 *   <li>Standard normal: the Marsaglia polar method (Marsaglia and Bray 1964), which makes two
 *       normals per accepted pair; the second is cached and is part of the state. The logarithm
 *       is {@link StrictMath#log}, so the sequence is the same on every JVM.</li>
 * </ul>
 *
 * <p>Mutable and not thread safe; the search creates one per step from the state's
 * {@link RandomState} and stores its final state in the next state.
 */
final class NcsRandom {

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private boolean hasSpare;
    private double spare;

    NcsRandom(RandomState state) {
        s0 = state.s0();
        s1 = state.s1();
        s2 = state.s2();
        s3 = state.s3();
        hasSpare = state.hasSpareNormal();
        spare = state.spareNormal();
    }

    /** A generator seeded from {@code seed} through SplitMix64. */
    static NcsRandom seeded(long seed) {
        long x = seed;
        long[] words = new long[4];
        for (int i = 0; i < 4; i++) {
            x += 0x9E3779B97F4A7C15L;
            words[i] = splitMix64Mix(x);
        }
        // SplitMix64 outputs are a bijection of distinct inputs, so four zero words cannot occur.
        return new NcsRandom(new RandomState(words[0], words[1], words[2], words[3], false, 0.0));
    }

    static long splitMix64Mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    RandomState state() {
        return new RandomState(s0, s1, s2, s3, hasSpare, hasSpare ? spare : 0.0);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal N(0, 1). */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            double value = spare;
            spare = 0.0;
            return value;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double multiplier = Math.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * multiplier;
        hasSpare = true;
        return u * multiplier;
    }
}
