package io.flextime.validate.checks;

import java.util.Arrays;

/**
 * Modified z-scores (Iglewicz and Hoaglin, 1993): 0.6745 (x - median) / MAD. Medians, not means, so
 * one wild value cannot hide itself by inflating the spread. When more than half the values are equal
 * (MAD = 0) the mean absolute deviation stands in (scaled by 1.2533 to estimate sigma, as in IBM SPSS).
 * Hand-written: a median and two deviations do not justify a statistics library.
 */
public final class RobustZ {
    private final double median;
    private final double scale;

    public RobustZ(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        median = median(sorted);
        double[] dev = new double[sorted.length];
        double meanAbs = 0;
        for (int i = 0; i < sorted.length; i++) {
            dev[i] = Math.abs(sorted[i] - median);
            meanAbs += dev[i];
        }
        Arrays.sort(dev);
        double mad = median(dev);
        meanAbs = sorted.length == 0 ? 0 : meanAbs / sorted.length;
        scale = mad > 0 ? mad / 0.6745 : meanAbs * 1.2533;
    }

    /** 0 when all values are equal. */
    public double z(double x) {
        return scale == 0 ? 0 : (x - median) / scale;
    }

    public double median() {
        return median;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
