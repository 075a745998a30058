package io.shopscore.limits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.ConsumptionProbe;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.problem.ProblemException;

/**
 * How many invitations a shop may ask for per day, so that a shop's API key (or whoever stole it)
 * cannot turn the service into a mail cannon. Shared by all instances on PostgreSQL.
 */
@ApplicationScoped
public class InvitationQuota {

    private final Buckets buckets;
    private final Limit perShop;

    public InvitationQuota(Buckets buckets, ShopscoreConfig config) {
        this.buckets = buckets;
        this.perShop = new Limit("invitations", config.limits().invitationsPerDay(), Duration.ofDays(1), true);
    }

    /**
     * Counts one invitation request of the shop, or refuses it with 429 and {@code Retry-After}.
     * Call it on a worker thread: on PostgreSQL it is a short database transaction of its own.
     */
    public void charge(String slug) {
        charge(slug, 1);
    }

    /**
     * Counts {@code count} invitation requests at once (an uploaded file's rows): all of them, or,
     * with 429, none, so that a file is never cut off half-way by the quota.
     */
    public void charge(String slug, int count) {
        ConsumptionProbe probe = buckets.take(perShop, slug, count);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw ProblemException.tooManyRequests(count == 1
                    ? "This shop has asked for its " + perShop.capacity() + " invitations of the last day. Try again in " + seconds + " seconds."
                    : "These " + count + " invitations would take this shop past its " + perShop.capacity()
                            + " invitations a day (" + probe.getRemainingTokens() + " left now).", seconds);
        }
    }
}
