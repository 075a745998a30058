package io.shopscore.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import io.shopscore.review.Review;
import io.shopscore.review.ReviewChanged;
import io.shopscore.review.ReviewStatus;
import io.shopscore.review.ReviewView;
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
    private final HttpClient http;
    private final TransactionSynchronizationRegistry transactions;

    public WebhookService(Clock clock, ShopscoreConfig config, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.transactions = transactions;
        this.config = config;
        this.json = json;
        // Never follow redirects: a redirect could lead past the address check below.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.webhooks().timeout()).build();
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

    /** Queues the event for the shop's webhook, in the transaction of the change, with the review as it now stands. */
    void onReviewChanged(@Observes ReviewChanged change) {
        String type = switch (change.change()) {
            case WRITTEN -> "review.created";
            case UPDATED -> "review.updated";
            case PUBLISHED -> "review.published";
            case REMOVED -> "review.removed";
            case WITHDRAWN -> "review.withdrawn";
            case RESPONDED, RESPONSE_CHANGED -> null;
        };
        if (type == null || !hasWebhook(change.shopId())) {
            return;
        }
        Review review = Review.findById(change.reviewId());
        Instant now = clock.instant();
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        ReviewView view = ReviewView.of(review);
        WebhookEvent event = new WebhookEvent(eventId, type, now, change.shopSlug(), new WebhookEvent.Review(view.id(), view.score(),
                view.title(), view.text(), view.displayName(), view.recommend(), view.verified(), view.createdAt(), view.updatedAt(),
                view.response(), review.status().json(),
                review.status() == ReviewStatus.WITHDRAWN ? null : review.invitation().orderRef(), review.removalReason()));
        try {
            WebhookDelivery.of(change.shopId(), eventId, type, review.id(), json.writeValueAsString(event), now).persist();
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
        int delivered = 0;
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        List<Long> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.due(WebhookDelivery.class, clock.instant(), BATCH));
            delivered += deliver(due);
        } while (due.size() == BATCH && System.nanoTime() < deadline);
        return delivered;
    }

    private int deliver(List<Long> due) {
        int delivered = 0;
        for (Long id : due) {
            String token = UUID.randomUUID().toString();
            boolean claimed = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxEntry.claim(WebhookDelivery.class, id, token, clock.instant(), config.mail().claimLease()));
            if (!claimed) {
                continue;
            }
            Optional<Call> call = QuarkusTransaction.requiringNew().call(() -> prepare(id));
            if (call.isPresent() && deliver(id, call.get())) {
                delivered++;
            }
        }
        return delivered;
    }

    /** What to send for a claimed delivery; empty (and skipped) when the shop removed its webhook. */
    private record Call(String url, String secret, String eventId, String type, String payload, int attempt) {
    }

    private Optional<Call> prepare(long id) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        Webhook webhook = Webhook.findById(delivery.shopId());
        if (webhook == null) {
            delivery.skip("webhook removed");
            return Optional.empty();
        }
        return Optional.of(new Call(webhook.url(), webhook.secret(), delivery.eventId(), delivery.eventType(), delivery.payload(),
                delivery.attempts()));
    }

    private boolean deliver(long id, Call call) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            checkDestination(call.url());
            HttpRequest request = HttpRequest.newBuilder(URI.create(call.url()))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Shopscore-Webhooks/1")
                    .header("Shopscore-Event", call.type())
                    .header("Shopscore-Event-Id", call.eventId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(call.secret(), clock.instant().getEpochSecond(), call.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(call.payload()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                error = "the endpoint answered " + status;
            }
        } catch (ProblemException e) {
            error = e.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Integer answered = status;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(id);
            WebhookAttempt.log(id, call.attempt(), started, answered, failure, millis);
            if (failure == null) {
                delivery.delivered(answered, clock.instant());
            } else {
                if (answered != null) {
                    delivery.answered(answered);
                }
                delivery.failed(failure, clock.instant(), config.webhooks().maxAttempts());
            }
        });
        if (failure != null) {
            LOG.debugf("Webhook delivery %d failed: %s", id, failure);
        }
        return failure == null;
    }

    private void checkDestination(String url) {
        Destinations.check(url, config.webhooks().allowPrivateNetworks());
    }
}
