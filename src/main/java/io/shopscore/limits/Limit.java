package io.shopscore.limits;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * One kind of limit: how many requests a client may make per period, and whether every instance
 * must share the count (through the database) or each may keep its own.
 *
 * @param name     the prefix of its bucket keys, also named in the 429's detail
 * @param capacity requests per period; the bucket refills gradually, so a client that waited half
 *                 the period may make half as many again
 * @param period   the period
 * @param shared   whether the count lives in the database when there is one that instances share
 */
record Limit(String name, long capacity, Duration period, boolean shared) {

    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }
}
