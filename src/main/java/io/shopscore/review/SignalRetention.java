package io.shopscore.review;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.shop.ApiKeyUse;

/**
 * Forgets the client addresses behind the fraud signals once they no longer serve their purpose:
 * after {@code shopscore.trust.address-retention}, the keyed hashes of reviewers' addresses and of
 * the addresses a shop's API key was used from are deleted. The other signals stay with the
 * review for the operator.
 */
@ApplicationScoped
public class SignalRetention {

    private static final Logger LOG = Logger.getLogger(SignalRetention.class);

    private final Clock clock;
    private final ShopscoreConfig config;

    public SignalRetention(Clock clock, ShopscoreConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "address-retention", every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purge();
    }

    /** Purges what is older than the retention period; returns how many addresses were forgotten. */
    @Transactional
    public long purge() {
        Instant before = clock.instant().minus(config.trust().addressRetention());
        long forgotten = ReviewSignal.purgeAddressesBefore(before) + ApiKeyUse.purgeBefore(before);
        if (forgotten > 0) {
            LOG.infof("Forgot %d client addresses older than %s", forgotten, config.trust().addressRetention());
        }
        return forgotten;
    }
}
