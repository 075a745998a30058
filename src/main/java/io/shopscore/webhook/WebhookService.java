package io.shopscore.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSocketFactory;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.outbox.OutboxRelay;
import io.shopscore.outbox.OutboxSender;
import io.shopscore.outbox.RelaySettings;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.OutboxState;
import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * Tells a shop's own systems about its reviews: every new, updated, published or removed review is
 * POSTed to the shop's URL as JSON, signed with HMAC-SHA256, retried with backoff, and logged.
 * Deliveries are an outbox like mails: written with the change, sent by the {@link OutboxRelay}
 * (claimed before sending), for which this class is the sender of webhook calls.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final Clock clock;
    private final ShopscoreConfig config;
    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final ScheduledExecutorService watchdog;
    private final SSLSocketFactory tls;
    private final TransactionSynchronizationRegistry transactions;

    public WebhookService(Clock clock, ShopscoreConfig config, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.clock = clock;
        this.transactions = transactions;
        this.config = config;
        this.json = json;
        this.relay = relay;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemons("webhook-deadline"));
        this.tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /** Registers the shop's webhook, or moves it to another URL (keeping its secret). */
    @Transactional
    public WebhookView register(String slug, String url) {
        checkDestination(url);
        Shop shop = ShopService.require(slug);
        Webhook existing = Webhook.findById(shop.id());
        if (existing != null) {
            existing.moveTo(url);
            return new WebhookView(url, null, existing.createdAt());
        }
        Webhook webhook = Webhook.create(shop.id(), url, clock.instant());
        webhook.persist();
        return new WebhookView(url, webhook.secret(), webhook.createdAt());
    }

    @Transactional
    public Optional<WebhookView> find(String slug) {
        Shop shop = ShopService.require(slug);
        return Optional.ofNullable(Webhook.<Webhook>findById(shop.id()))
                .map(webhook -> new WebhookView(webhook.url(), null, webhook.createdAt()));
    }

    /** Removes the webhook; events from now on are not delivered, pending deliveries are dropped. */
    @Transactional
    public boolean delete(String slug) {
        Shop shop = ShopService.require(slug);
        WebhookDelivery.update("state = ?1, lastError = 'webhook removed' where shopId = ?2 and state = ?3",
                OutboxState.SKIPPED, shop.id(), OutboxState.PENDING);
        return Webhook.deleteById(shop.id());
    }

    /** The shop's deliveries, newest first, each with its attempts. */
    @Transactional
    public Page<DeliveryView> deliveries(String slug, PageRequest request) {
        Shop shop = ShopService.require(slug);
        var query = WebhookDelivery.ofShop(shop.id());
        List<WebhookDelivery> deliveries = query.page(request.page(), request.size()).list();
        Map<Long, List<WebhookAttempt.View>> log = WebhookAttempt.of(deliveries.stream().map(WebhookDelivery::id).toList()).stream()
                .collect(Collectors.groupingBy(WebhookAttempt::deliveryId, Collectors.mapping(WebhookAttempt::view, Collectors.toList())));
        List<DeliveryView> items = deliveries.stream().map(delivery -> new DeliveryView(delivery.eventId(), delivery.eventType(),
                delivery.reviewId(), delivery.state() == OutboxState.DONE ? "delivered" : delivery.state().name().toLowerCase(),
                delivery.attempts(), delivery.state() == OutboxState.PENDING ? delivery.nextAttemptAt() : null,
                delivery.lastStatus(), delivery.lastError(), delivery.deliveredAt(), delivery.createdAt(),
                log.getOrDefault(delivery.id(), List.of()))).toList();
        return Page.of(items, request, query.count());
    }

    /**
     * Queues an event for the shop's webhook, if it has one, in the transaction of the change. The
     * review is described only when there is a webhook to tell: most shops have none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(long shopId, String shopSlug, String type, long reviewId, Supplier<WebhookEvent.Review> review) {
        if (!hasWebhook(shopId)) {
            return;
        }
        Instant now = clock.instant();
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        WebhookEvent event = new WebhookEvent(eventId, type, now, shopSlug, review.get());
        try {
            WebhookDelivery.of(shopId, eventId, type, reviewId, json.writeValueAsString(event), now).persist();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook event always serialises", e);
        }
    }

    /**
     * Whether the shop has a webhook, asked once per transaction: a batch of reviews (ReviewWriter)
     * holds many of one shop, and most shops have none, which the persistence context cannot remember.
     */
    private boolean hasWebhook(long shopId) {
        @SuppressWarnings("unchecked")
        Map<Long, Boolean> known = (Map<Long, Boolean>) transactions.getResource(WebhookService.class);
        if (known == null) {
            known = new HashMap<>();
            transactions.putResource(WebhookService.class, known);
        }
        return known.computeIfAbsent(shopId, id -> Webhook.findById(id) != null);
    }

    /** Empties the bodies of webhook calls finished before then (they hold review texts); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long purgePayloadsBefore(Instant before) {
        return WebhookDelivery.update("payload = '{}' where state <> ?1 and state <> ?2 and createdAt < ?3 and payload <> '{}'",
                OutboxState.PENDING, OutboxState.SENDING, before);
    }

    /** Delivers what is due; safe on any number of instances at once. Returns how many were delivered. */
    public int deliverDue() {
        return deliverDue(config.webhooks().timeout());
    }

    /**
     * Delivers what is due, each call within {@code budget}: connecting, sending and reading the
     * whole answer. Different shops' receivers are called in parallel (at most
     * {@code shopscore.webhooks.concurrency} at once); one shop's deliveries go one at a time, in
     * order. After a failed attempt the shop's other deliveries wait for the next run, so a receiver
     * that is down or slow costs one budget per run, not one per waiting event.
     */
    int deliverDue(Duration budget) {
        return relay.run(sender(budget));
    }

    /** The relay's sender for webhook calls, each made within {@code budget}. */
    OutboxSender<WebhookDelivery, Call, Attempt> sender(Duration budget) {
        return new Sender(budget);
    }

    /** What to send for a claimed delivery. */
    record Call(String url, String secret, String eventId, String type, String payload) {
    }

    /** One try: when it started, the status if the receiver answered, what went wrong if anything. */
    record Attempt(Instant started, Integer status, String error, long millis) {
    }

    /**
     * Webhook calls as the relay sends them: a shop's deliveries are one lane (in order, paused by a
     * failure), and each result is recorded as soon as it is known, because a call can take seconds
     * and the shop's delivery log should show it.
     */
    private final class Sender implements OutboxSender<WebhookDelivery, Call, Attempt> {

        private final Duration budget;
        private final RelaySettings settings;

        Sender(Duration budget) {
            this.budget = budget;
            this.settings = new RelaySettings(config.webhooks().batch(), config.webhooks().concurrency(), 1,
                    config.webhooks().claimLease());
        }

        @Override
        public Class<WebhookDelivery> type() {
            return WebhookDelivery.class;
        }

        @Override
        public RelaySettings settings() {
            return settings;
        }

        @Override
        public List<Due> due(Instant now, int limit, Set<Long> pausedLanes) {
            return WebhookDelivery.due(now, limit, pausedLanes).stream().map(due -> new Due(due.id(), due.shopId())).toList();
        }

        /** The call for a claimed delivery; empty (and skipped) when the shop removed its webhook. */
        @Override
        public Optional<Call> prepare(WebhookDelivery delivery) {
            Webhook webhook = Webhook.findById(delivery.shopId());
            if (webhook == null) {
                delivery.skip("webhook removed");
                return Optional.empty();
            }
            return Optional.of(new Call(webhook.url(), webhook.secret(), delivery.eventId(), delivery.eventType(), delivery.payload()));
        }

        @Override
        public Attempt send(Call call) {
            return WebhookService.this.send(call, budget);
        }

        /** Marked failed, so it is retried with backoff and finally given up, not reclaimed for ever. */
        @Override
        public Attempt failure(RuntimeException thrown) {
            LOG.warnf(thrown, "A webhook call could not be prepared or made");
            return new Attempt(clock.instant(), null, "could not prepare the call: " + thrown.getClass().getSimpleName(), 0);
        }

        @Override
        public boolean succeeded(Attempt attempt) {
            return attempt.error() == null;
        }

        @Override
        public void record(WebhookDelivery delivery, Attempt attempt) {
            WebhookAttempt.log(delivery.id(), delivery.attempts(), attempt.started(), attempt.status(), attempt.error(), attempt.millis());
            if (attempt.error() == null) {
                delivery.delivered(attempt.status(), clock.instant());
            } else {
                if (attempt.status() != null) {
                    delivery.answered(attempt.status());
                }
                LOG.debugf("Webhook delivery %d failed: %s", delivery.id(), attempt.error());
                delivery.failed(attempt.error(), clock.instant(), config.webhooks().backoff(), config.webhooks().maxAttempts());
            }
        }
    }

    /**
     * Calls the receiver: resolves its host once, checks every address, connects to a checked one
     * (the next if one refuses), all within {@code budget}.
     */
    Attempt send(Call call, Duration budget) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI uri = URI.create(call.url());
            byte[] body = call.payload().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "Shopscore-Webhooks/1");
            headers.put("Shopscore-Event", call.type());
            headers.put("Shopscore-Event-Id", call.eventId());
            headers.put(WebhookSignature.HEADER, WebhookSignature.header(call.secret(), clock.instant().getEpochSecond(), call.payload()));
            List<InetAddress> addresses = Destinations.resolve(uri, config.webhooks().allowPrivateNetworks());
            for (int i = 0; status == null; i++) {
                Duration left = budget.minusNanos(System.nanoTime() - start);
                if (left.isNegative() || left.isZero()) {
                    throw new PinnedPost.TimedOut(budget);
                }
                try {
                    status = PinnedPost.post(uri, addresses.get(i), headers, body, left, tls, watchdog);
                } catch (ConnectException | NoRouteToHostException e) {
                    if (i == addresses.size() - 1) {
                        throw e;
                    }
                }
            }
            if (status < 200 || status >= 300) {
                error = "the endpoint answered " + status;
            }
        } catch (ProblemException e) {
            error = e.getMessage();
        } catch (PinnedPost.TimedOut e) {
            error = "timed out: " + e.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook call to %s could not be made", call.url());
            error = "could not make the call: " + e.getClass().getSimpleName();
        }
        return new Attempt(started, status, error, (System.nanoTime() - start) / 1_000_000);
    }

    private void checkDestination(String url) {
        Destinations.check(url, config.webhooks().allowPrivateNetworks());
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
