package io.shopscore.limits;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Where the token buckets live. On H2 (one instance by nature) all of them are in memory. On
 * PostgreSQL the limits that must hold across instances ({@link Limit#shared()}) keep their
 * buckets in the table {@code rate_limit_bucket}, one short transaction per request; the others
 * stay in each instance's memory. The choice follows the datasource's kind at run time.
 */
@ApplicationScoped
public class Buckets {

    private static final Logger LOG = Logger.getLogger(Buckets.class);

    /**
     * Clients remembered per instance. A client idle for its limit's period has a full bucket again
     * and is forgotten then; past this many, the least recent are forgotten early.
     */
    private static final int MEMORY_CAPACITY = 100_000;

    private record Held(Bucket bucket, long periodNanos) {
    }

    private final Cache<String, Held> local = Caffeine.newBuilder()
            .maximumSize(MEMORY_CAPACITY)
            .expireAfter(Expiry.accessing((String key, Held held) -> Duration.ofNanos(held.periodNanos())))
            .build();
    private final Optional<ProxyManager<String>> shared;

    public Buckets(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, AgroalDataSource dataSource) {
        this.shared = "postgresql".equals(dbKind) ? Optional.of(postgresql(dataSource)) : Optional.empty();
    }

    /** Takes one request from the client's bucket of this limit. */
    ConsumptionProbe take(Limit limit, String client) {
        return take(limit, client, 1);
    }

    /** Takes {@code tokens} requests at once from the client's bucket of this limit: all of them, or none. */
    ConsumptionProbe take(Limit limit, String client, long tokens) {
        // The limit's numbers are part of the key: a bucket stored in the database keeps the
        // configuration it was made with, so a changed setting must start buckets of its own
        // (the old ones expire) rather than go on counting against the old one.
        String key = limit.name() + ":" + limit.capacity() + "/" + limit.period().toSeconds() + ":" + client;
        if (blocking(limit)) {
            // A connection of its own, committed at once, even when the caller is in a transaction.
            return QuarkusTransaction.suspendingExisting().call(
                    () -> shared.get().builder().build(key, limit::configuration).tryConsumeAndReturnRemaining(tokens));
        }
        return local.get(key, unused -> new Held(Bucket.builder().addLimit(limit.bandwidth()).build(), limit.period().toNanos()))
                .bucket().tryConsumeAndReturnRemaining(tokens);
    }

    /** Whether {@link #take} reaches the database for this limit (and so must not run on an I/O thread). */
    boolean blocking(Limit limit) {
        return limit.shared() && shared.isPresent();
    }

    /** Buckets that refilled long ago are dropped from the table, a thousand at a time. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        if (shared.isPresent() && shared.get() instanceof ExpiredEntriesCleaner cleaner) {
            int total = 0;
            int removed;
            do {
                removed = cleaner.removeExpired(1000);
                total += removed;
            } while (removed == 1000);
            LOG.debugf("Removed %d refilled rate limit buckets", total);
        }
    }

    private static ProxyManager<String> postgresql(AgroalDataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // kept until it would be full again, plus a minute
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }
}
