package io.shopscore.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Response times kept as counts per bucket, so that the median over a year needs no scan of
 * reviews. Bucket 0 holds responses within a minute; bucket b > 0 holds delays from 1.25^(b-1)
 * to 1.25^b minutes. The median is read as the geometric middle of its bucket: within about 12 %
 * of the exact value, which is all a figure in hours needs.
 */
public final class ResponseDelays {

    private static final double GROWTH = 1.25;

    private ResponseDelays() {
    }

    public static int bucket(Duration delay) {
        double minutes = Math.max(0, delay.toSeconds()) / 60.0;
        if (minutes < 1) {
            return 0;
        }
        return 1 + (int) Math.floor(Math.log(minutes) / Math.log(GROWTH));
    }

    /** The median delay in hours with one decimal, from counts per bucket; null without responses. */
    public static BigDecimal medianHours(Map<Integer, Long> countsPerBucket) {
        long total = countsPerBucket.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long middle = (total + 1) / 2;
        long seen = 0;
        for (var bucket : new TreeMap<>(countsPerBucket).entrySet()) {
            seen += bucket.getValue();
            if (seen >= middle) {
                double minutes = bucket.getKey() == 0 ? 0.5 : Math.pow(GROWTH, bucket.getKey() - 0.5);
                return BigDecimal.valueOf(minutes / 60.0).setScale(1, RoundingMode.HALF_UP);
            }
        }
        throw new IllegalStateException("unreachable: the middle lies within the total");
    }
}
