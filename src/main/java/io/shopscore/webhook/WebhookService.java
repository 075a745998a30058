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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.OutboxEntry;
import io.shopscore.persistence.OutboxState;
import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * Tells a shop's own systems about its reviews: every new, updated, published or removed review is
 * POSTed to the shop's URL as JSON, signed with HMAC-SHA256, retried with backoff, and logged.
 * Deliveries are an outbox like mails: written with the change, claimed before sending.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private static final int BATCH = 50;
    /** One run delivers batch after batch until nothing is due, or this long has passed. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(60);

    private final Clock clock;
    private final ShopscoreConfig config;
    private final ObjectMapper json;
    private final ExecutorService senders;
    private final ScheduledExecutorService watchdog;
    private final SSLSocketFactory tls;
    private final TransactionSynchronizationRegistry transactions;

    public WebhookService(Clock clock, ShopscoreConfig config, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.transactions = transactions;
        this.config = config;
        this.json = json;
        this.senders = Executors.newFixedThreadPool(config.webhooks().concurrency(), daemons("webhook-sender"));
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
        Set<Long> failing = ConcurrentHashMap.newKeySet();
        int delivered = 0;
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        List<WebhookDelivery.Due> due;
        do {
            Set<Long> except = Set.copyOf(failing);
            due = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.due(clock.instant(), BATCH, except));
            delivered += deliverPerShop(due, budget, failing);
        } while (due.size() == BATCH && System.nanoTime() < deadline);
        return delivered;
    }

    private int deliverPerShop(List<WebhookDelivery.Due> due, Duration budget, Set<Long> failing) {
        Map<Long, List<Long>> byShop = due.stream().collect(Collectors.groupingBy(WebhookDelivery.Due::shopId, LinkedHashMap::new,
                Collectors.mapping(WebhookDelivery.Due::id, Collectors.toList())));
        List<Future<Integer>> lanes = byShop.entrySet().stream()
                .map(shop -> senders.submit(() -> deliverInOrder(shop.getKey(), shop.getValue(), budget, failing))).toList();
        int delivered = 0;
        for (Future<Integer> lane : lanes) {
            try {
                delivered += lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lanes.forEach(each -> each.cancel(true));
                return delivered;
            } catch (ExecutionException e) {
                LOG.error("Webhook deliveries of a shop stopped", e.getCause());
            }
        }
        return delivered;
    }

    private int deliverInOrder(long shopId, List<Long> ids, Duration budget, Set<Long> failing) {
        int delivered = 0;
        for (Long id : ids) {
            String token = UUID.randomUUID().toString();
            if (!claim(id, token)) {
                continue;
            }
            switch (deliverClaimed(id, token, budget)) {
                case DELIVERED -> delivered++;
                case FAILED -> {
                    failing.add(shopId);
                    return delivered;
                }
                case SKIPPED, TAKEN_OVER -> {
                }
            }
        }
        return delivered;
    }

    /** How one claimed delivery ended for this sender. */
    enum Outcome {
        DELIVERED, FAILED, SKIPPED, TAKEN_OVER
    }

    /** Claims the delivery for this sender (token); false when another sender has it or it is not due. */
    boolean claim(long id, String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEntry.claim(WebhookDelivery.class, id, token, clock.instant(), config.mail().claimLease()));
    }

    /** Prepares, sends and records one delivery this sender claimed. */
    Outcome deliverClaimed(long id, String token, Duration budget) {
        Optional<Call> call;
        try {
            call = prepare(id, token);
        } catch (RuntimeException e) {
            // Marked failed, so it is retried with backoff and finally given up, not reclaimed for ever.
            LOG.warnf(e, "Webhook delivery %d could not be prepared", id);
            Attempt attempt = new Attempt(clock.instant(), null, "could not prepare the call: " + e.getClass().getSimpleName(), 0);
            return record(id, token, attempt) ? Outcome.FAILED : Outcome.TAKEN_OVER;
        }
        if (call.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Attempt attempt = send(call.get(), budget);
        if (!record(id, token, attempt)) {
            return Outcome.TAKEN_OVER;
        }
        return attempt.error() == null ? Outcome.DELIVERED : Outcome.FAILED;
    }

    /** What to send for a claimed delivery. */
    record Call(String url, String secret, String eventId, String type, String payload) {
    }

    /** One try: when it started, the status if the receiver answered, what went wrong if anything. */
    record Attempt(Instant started, Integer status, String error, long millis) {
    }

    /** The call for a delivery this sender still holds; empty (and skipped) when the shop removed its webhook, or when the claim was lost. */
    Optional<Call> prepare(long id, String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<WebhookDelivery> claimed = OutboxEntry.stillClaimed(WebhookDelivery.class, id, token);
            if (claimed.isEmpty()) {
                LOG.warnf("Webhook delivery %d was taken over by another sender before it was sent; not sending it", id);
                return Optional.<Call>empty();
            }
            WebhookDelivery delivery = claimed.get();
            Webhook webhook = Webhook.findById(delivery.shopId());
            if (webhook == null) {
                delivery.skip("webhook removed");
                return Optional.<Call>empty();
            }
            return Optional.of(new Call(webhook.url(), webhook.secret(), delivery.eventId(), delivery.eventType(), delivery.payload()));
        });
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

    /**
     * Records the attempt, only while this sender's claim still holds the delivery: a sender whose
     * lease expired and whose delivery another sender took over records nothing (and says so in the
     * log), so it cannot overwrite the newer outcome. Returns whether it was recorded.
     */
    boolean record(long id, String token, Attempt attempt) {
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.stillClaimed(WebhookDelivery.class, id, token)
                .map(delivery -> {
                    WebhookAttempt.log(id, delivery.attempts(), attempt.started(), attempt.status(), attempt.error(), attempt.millis());
                    if (attempt.error() == null) {
                        delivery.delivered(attempt.status(), clock.instant());
                    } else {
                        if (attempt.status() != null) {
                            delivery.answered(attempt.status());
                        }
                        delivery.failed(attempt.error(), clock.instant(), config.webhooks().maxAttempts());
                    }
                    return true;
                }).orElse(false));
        if (!recorded) {
            LOG.warnf("Webhook delivery %d was taken over by another sender; dropped this sender's outcome (%s)", id,
                    attempt.error() == null ? "delivered, " + attempt.status() : attempt.error());
        } else if (attempt.error() != null) {
            LOG.debugf("Webhook delivery %d failed: %s", id, attempt.error());
        }
        return recorded;
    }

    private void checkDestination(String url) {
        Destinations.check(url, config.webhooks().allowPrivateNetworks());
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
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
