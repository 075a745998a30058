package io.shopscore.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopscore.config.ShopscoreConfig;

/**
 * Deletes sign-in links and dashboard sessions that ended or expired longer ago than
 * {@code shopscore.dashboard.cleanup-after}: they open nothing any more, and each names a member's
 * address. Safe on any number of instances: each run is two plain deletes by time, so a second
 * instance running at once deletes what the first left (after waiting for its row locks), or
 * nothing.
 */
@ApplicationScoped
public class SignInCleanup {

    private static final Logger LOG = Logger.getLogger(SignInCleanup.class);

    private final Clock clock;
    private final Duration after;

    public SignInCleanup(Clock clock, ShopscoreConfig config) {
        this.clock = clock;
        this.after = config.dashboard().cleanupAfter();
    }

    @Scheduled(identity = "dashboard-cleanup", every = "1h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanHourly() {
        clean();
    }

    /** Deletes what ended before the cleanup period; returns how many links and sessions went. */
    @Transactional
    public Cleaned clean() {
        Instant before = clock.instant().minus(after);
        Cleaned cleaned = new Cleaned(SignInLink.deleteExpiredBefore(before), DashboardSession.deleteEndedBefore(before));
        if (cleaned.links() + cleaned.sessions() > 0) {
            LOG.infof("Dashboard cleanup: %s", cleaned);
        }
        return cleaned;
    }

    /** What one run deleted. */
    public record Cleaned(long links, long sessions) {
    }
}
