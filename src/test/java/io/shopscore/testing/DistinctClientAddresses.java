package io.shopscore.testing;

import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every REST Assured request of the suite comes from an address of its own, as requests of
 * different people do, unless the test names one with {@code X-Forwarded-For} (the test profile
 * trusts a proxy on loopback). Without this, the whole suite would be one client on 127.0.0.1:
 * it would run into the per-address limits, and every review would look written from the address
 * that used its shop's API key. Registered as a Quarkus test callback so that it runs in the
 * class loader of the tests, where their REST Assured lives.
 */
public class DistinctClientAddresses implements QuarkusTestBeforeEachCallback {

    public static final String HEADER = "X-Forwarded-For";

    private static volatile boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (installed) {
            return;
        }
        synchronized (DistinctClientAddresses.class) {
            if (!installed) {
                Filter distinct = (request, response, next) -> {
                    if (!request.getHeaders().hasHeaderWithName(HEADER)) {
                        request.header(HEADER, randomAddress());
                    }
                    return next.next(request, response);
                };
                RestAssured.filters(distinct);
                installed = true;
            }
        }
    }

    /** The one address of a named party (a shop's server), from the documentation range 2001:db8::/32. */
    public static String addressOf(String party) {
        int hash = party.hashCode();
        return String.format("2001:db8:ffff:%x::%x", (hash >>> 16) & 0xffff, 1 + (hash & 0xfffe));
    }

    /** An address from the documentation range 2001:db8::/32, in a /64 of its own. */
    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000), 1 + random.nextInt(0xfffe));
    }
}
