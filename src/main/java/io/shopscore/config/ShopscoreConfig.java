package io.shopscore.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Shopscore's own settings, all under {@code shopscore.*}. Every property can also be given as an
 * environment variable (for example {@code SHOPSCORE_ADMIN_TOKEN}); docs/operations.md lists them.
 */
@ConfigMapping(prefix = "shopscore")
public interface ShopscoreConfig {

    /**
     * The operator's bearer token. There is no default in production: without it the operator API
     * answers 401 and everything else still works.
     */
    Optional<String> adminToken();

    /** Absolute base URL of this service, used in every link it hands out (invitations, review pages, widget). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Time zone of the dates shown on pages and in mails (stored instants are always UTC). */
    @WithDefault("Europe/Amsterdam")
    ZoneId timeZone();

    /** Languages the review form, pages and mails are offered in; the first is the default for new shops. */
    @WithDefault("nl,en,de,fr")
    List<String> locales();

    /** Invitation settings. */
    Invitations invitations();

    /** Review settings. */
    Reviews reviews();

    /** The public scores kept in memory. */
    Scores scores();

    /** Demo data for a first look at the service. */
    Demo demo();

    /** Invitation mails, reminders and notices. */
    Mail mail();

    /** Webhook deliveries. */
    Webhooks webhooks();

    /** Fraud signals recorded when a review is written (docs/trust.md). */
    Trust trust();

    /** How long personal data is kept once it no longer serves its purpose (docs/privacy.md). */
    Privacy privacy();

    /** Reviews a shop imports from another service (docs/api.md, "Import and export"). */
    Imports imports();
    /** The KiYoh-compatible feed and Google's review feeds (docs/api.md). */
    Feeds feeds();

    /** Signing in to a shop's dashboard (docs/dashboard.md). */
    Dashboard dashboard();

    interface Dashboard {
        /** How long a mailed sign-in link works. */
        @WithDefault("PT15M")
        Duration linkValid();

        /** A dashboard session ends after this long without a request... */
        @WithDefault("PT2H")
        Duration sessionIdle();

        /** ...and after this long in any case. */
        @WithDefault("PT12H")
        Duration sessionMaxAge();

        /** Sign-in links and sessions that ended or expired longer ago than this are deleted (hourly). */
        @WithDefault("P30D")
        Duration cleanupAfter();
    }

    interface Privacy {
        /** How long after an invitation expired unused its customer's name, address and order reference are kept. */
        @WithDefault("P30D")
        Duration retention();

        /** How long a mail that was sent, failed or skipped is kept (it names its recipient; its body is never stored). */
        @WithDefault("P90D")
        Duration mailRetention();

        /** How long the body of a delivered or failed webhook call is kept (the delivery log itself stays). */
        @WithDefault("P30D")
        Duration webhookRetention();
    }

    interface Trust {
        /**
         * A review whose signals add up to at least this risk is held for the operator instead of
         * published at once. The signals and their weights are described in docs/trust.md.
         */
        @WithDefault("70")
        int holdRisk();

        /** How far back the signals look: other reviews from the same address, API key use, near-duplicate texts. */
        @WithDefault("P30D")
        Duration signalWindow();

        /** How long the keyed hash of a reviewer's address (and of addresses that used a shop's API key) is kept. */
        @WithDefault("P30D")
        Duration addressRetention();
    }

    /** Request limits against guessing and flooding: past one, 429 with {@code Retry-After}. */
    Limits limits();

    interface Limits {
        /**
         * Whether the request limits apply at all. The invitation quota applies regardless. Turn
         * them off only where something in front (a proxy, a CDN) limits already.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Requests per minute from one client address (an IPv6 /64 counts as one address) to what a
         * token or no credential opens: review pages and the customer API, edit links, unsubscribe
         * pages, notices, insight links. Low, so that guessing tokens hits a wall within tens of
         * tries; a customer needs a handful of requests.
         */
        @WithDefault("30")
        int tokenPerMinute();

        /** Requests per minute with one API key (or the operator token) on the shop and operator API. */
        @WithDefault("1200")
        int apiKeyPerMinute();

        /**
         * Requests per minute from one client address to the public reads: scores, review lists,
         * shop pages, the widget, feeds. Generous: a partner or an office behind one address reads a lot.
         */
        @WithDefault("6000")
        int publicPerMinute();

        /**
         * Invitation requests per shop per day (refilled gradually over the day), so that an API key
         * cannot become a mail cannon. A repeated request for an existing order counts too.
         */
        @WithDefault("10000")
        int invitationsPerDay();
    }

    interface Mail {
        /** One reminder this long after the invitation mail when no review came; a shop can choose its own. */
        @WithDefault("P7D")
        Duration reminderAfter();

        /** How often each instance looks for mails that are due. */
        @WithDefault("10s")
        String pollInterval();

        /** Sending attempts before a mail is given up (with backoff: 1 min, 5 min, 30 min, 2 h, 12 h, ...). */
        @WithDefault("6")
        int maxAttempts();

        /** How long a sender may hold a claimed mail before another instance may take it over. */
        @WithDefault("PT10M")
        Duration claimLease();

        /** The waits after the first, second, ... failed attempt; every later one waits the last. */
        @WithDefault("PT1M,PT5M,PT30M,PT2H,PT12H")
        List<Duration> backoff();

        /** Mails claimed, prepared (one transaction each) and then sent together. */
        @WithDefault("200")
        int batch();

        /**
         * How many mails each instance sends at once, each over its own SMTP connection, which stays
         * open from one mail to the next (quarkus.mailer.max-pool-size must be at least this).
         */
        @WithDefault("2")
        int concurrency();

        /**
         * How many sent mails one transaction records as sent. More is faster; if the process dies
         * before recording them, up to this many mails are sent a second time (after the claim lease).
         */
        @WithDefault("50")
        int recordEvery();

        /** The sender address; the shop's name is shown as the sender's name. */
        @WithDefault("reviews@shopscore.invalid")
        String from();
    }

    interface Webhooks {
        /** Delivery attempts before a webhook call is given up. */
        @WithDefault("8")
        int maxAttempts();

        /** The waits after the first, second, ... failed attempt; every later one waits the last. */
        @WithDefault("PT1M,PT5M,PT30M,PT2H,PT12H")
        List<Duration> backoff();

        /** How often each instance looks for webhook calls that are due. */
        @WithDefault("10s")
        String pollInterval();

        /** Webhook calls claimed and prepared together; each is then made and recorded on its own. */
        @WithDefault("50")
        int batch();

        /**
         * How long a sender may hold a claimed webhook call before another instance may take it over.
         * Longer than the calls of one batch to one shop can take ({@code timeout} each).
         */
        @WithDefault("PT10M")
        Duration claimLease();

        /**
         * The whole time one delivery may take: connecting, sending and reading the endpoint's
         * complete answer (time spent resolving its host counts too). A receiver that is slower, or
         * drips its answer, is cut off and the attempt counts as failed.
         */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * How many receivers each instance calls at once. Deliveries to one shop always go one at a
         * time, in order; this bounds how many shops are served in parallel, so one slow receiver
         * holds up only its own shop's deliveries.
         */
        @WithDefault("8")
        int concurrency();

        /**
         * Whether webhook URLs may point at loopback, private or link-local addresses. Off in
         * production, so a shop's webhook cannot be used to probe the operator's own network.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();
    }

    interface Invitations {
        /** How long an invitation link accepts a first review. */
        @WithDefault("P90D")
        Duration validity();
    }

    interface Reviews {
        /** How long after writing a review its author may still change it. */
        @WithDefault("P30D")
        Duration updateWindow();

        /** The most new reviews that one transaction (one commit) writes together. */
        @WithDefault("64")
        int batchSize();

        /** How many new reviews may wait to be written; past that a review is refused with 503 and Retry-After. */
        @WithDefault("10000")
        int queueCapacity();

        /**
         * How long a new review may wait for its commit (the database is down or stuck); past that it
         * is answered 503 and never written, rather than written after its client gave up.
         */
        @WithDefault("PT15S")
        Duration queueTimeout();

        /**
         * Memory for serialised pages of public reviews (the list endpoint and the widget's reviews),
         * per instance, counted in bytes of the pages; the least used go first when it is full.
         */
        @WithDefault("64M")
        MemorySize listCacheSize();

        /**
         * How long an instance serves a cached page of reviews: the longest another instance shows
         * an old page (the instance that made the change stops serving its copy at once).
         */
        @WithDefault("PT10S")
        Duration listCacheExpiry();
    }

    interface Scores {
        /**
         * How many shops' scores an instance keeps in memory (about 1 KB each). 0 keeps none: every
         * read goes to the database, which is how the benchmark measures a miss.
         */
        @WithDefault("100000")
        long cacheSize();

        /**
         * How long an instance serves a score from memory: the longest another instance shows an old
         * score (the instance that made the change drops its copy at once).
         */
        @WithDefault("PT10S")
        Duration cacheExpiry();
    }

    /** Orders in from shop platforms (docs/integrations.md, docs/operations.md). */
    Connectors connectors();

    interface Connectors {
        /**
         * Base64 of 32 random bytes ({@code openssl rand -base64 32}): the AES-256 key that encrypts
         * the platforms' signing secrets at rest. Without it the key is one the service makes and
         * keeps in its own database, which protects a copy of the connector table alone but not a
         * copy of the whole database.
         */
        Optional<String> secretKey();
    }

    interface Demo {
        /** Creates the shop {@code demo} with reviews at start-up when it does not exist yet (on in dev mode). */
        @WithDefault("false")
        boolean enabled();

        /** The demo shop's API key, fixed so that the README can show requests with it. */
        @WithDefault("sk_demo_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")
        String apiKey();
    }

    interface Imports {
        /**
         * The largest import file; a larger one is refused with 413. Keep it below the HTTP layer's
         * {@code quarkus.http.limits.max-body-size} (10M), so that the answer is this service's problem.
         */
        @WithDefault("8M")
        MemorySize maxBytes();

        /** The most reviews (rows after the header) one import file may hold; more is refused with 413. */
        @WithDefault("100000")
        int maxRows();
    }

    interface Feeds {
        /**
         * How many reviews a Google feed reads from the database at a time: a feed is written while
         * it is read, so memory holds one page, however many reviews the shop has.
         */
        @WithDefault("500")
        int pageSize();

        /** The most reviews one KiYoh-compatible answer holds; a larger {@code limit} is lowered to this. */
        @WithDefault("1000")
        int kiyohMaxLimit();

        /**
         * The country (ISO 3166-1 alpha-2) Google's merchant reviews feed gives a review of a shop
         * whose language names no country (English); Dutch, German and French shops get NL, DE and FR.
         */
        @WithDefault("NL")
        String defaultCountry();
    }
}
