package io.shopscore.shop;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.shopscore.i18n.Locales;
import io.shopscore.keys.ServiceKeys;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.ShopKeys;

/** Registering shops and their API keys. */
@ApplicationScoped
public class ShopService implements ShopKeys {

    private static final Logger LOG = Logger.getLogger(ShopService.class);

    private final Clock clock;
    private final Locales locales;
    private final ShopTotals totals;
    private final ServiceKeys keys;
    private final Event<ShopDescribed> described;
    /**
     * Key uses recorded lately by this instance (by key and address): a shop calling its API many
     * times a second writes one row. It says nothing about whether a key is valid, so revoking a key
     * needs nothing from it.
     */
    private final Cache<String, Boolean> recentKeyUses = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    public ShopService(Clock clock, Locales locales, ShopTotals totals, ServiceKeys keys, Event<ShopDescribed> described) {
        this.clock = clock;
        this.locales = locales;
        this.totals = totals;
        this.keys = keys;
        this.described = described;
    }

    /** Creates a shop with an empty score and a fresh API key; 409 when the slug is taken. */
    @Transactional
    public ShopCreated create(CreateShop request) {
        String apiKey = ApiKeys.generate();
        return ShopCreated.of(register(request, apiKey), apiKey);
    }

    /**
     * Creates a shop with a key chosen by the caller, for demo data whose key the README shows.
     * Returns empty when the shop already exists.
     */
    @Transactional
    public Optional<Shop> createWithKey(CreateShop request, String apiKey) {
        if (Shop.findBySlug(request.slug()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(register(request, apiKey));
    }

    private Shop register(CreateShop request, String apiKey) {
        String taken = "A shop with slug '" + request.slug() + "' already exists.";
        if (Shop.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict(taken);
        }
        String locale = request.locale() != null ? request.locale() : locales.defaultLocale();
        Shop shop = Shop.create(request.slug(), request.name().strip(), request.websiteUrl(), locale, clock.instant());
        if (request.contactEmail() != null && !request.contactEmail().isBlank()) {
            shop.configure(request.contactEmail().strip(), 0, null);
        }
        shop.persist();
        UniqueConstraint.flushOrConflict(taken);
        ShopApiKey.issue(shop, ApiKeys.hash(apiKey), null, clock.instant()).persist();
        totals.open(shop);
        return shop;
    }

    /**
     * Issues a new key and revokes every live one at once (both, during an overlap), for a shop whose
     * key leaked; dashboard sessions opened with a revoked key end with it.
     */
    @Transactional
    public Optional<ShopCreated> rotateApiKey(String slug) {
        return Shop.findBySlugForUpdate(slug).map(shop -> {
            ShopApiKey.revokeAll(shop.id(), clock.instant());
            String apiKey = ApiKeys.generate();
            ShopApiKey.issue(shop, ApiKeys.hash(apiKey), null, clock.instant()).persist();
            return ShopCreated.of(shop, apiKey);
        });
    }

    /** The shop's API keys, live ones first; never a key or its digest. */
    @Transactional
    public List<ApiKeyView> apiKeys(String slug) {
        return ShopApiKey.ofShop(require(slug).id()).stream().map(ShopApiKey::view).toList();
    }

    /**
     * Adds a key next to the live one, so the shop can deploy it before revoking the old one; the
     * key is in the answer only. The label is optional, at most 60 characters
     * that a shop's name may hold. 409 when the shop has {@value ShopApiKey#MAX_LIVE} live keys.
     */
    @Transactional
    public NewApiKey createApiKey(String slug, String label) {
        if (label != null && (label.strip().length() > 60 || !new ShopName.Validator().isValid(label, null))) {
            throw ProblemException.invalid("label", "must be at most 60 characters, without line breaks or control characters");
        }
        Shop shop = requireLocked(slug);
        if (ShopApiKey.liveOfShop(shop.id()).size() >= ShopApiKey.MAX_LIVE) {
            throw ProblemException.conflict("A shop has at most " + ShopApiKey.MAX_LIVE + " live API keys: revoke one first.");
        }
        String apiKey = ApiKeys.generate();
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        ShopApiKey key = ShopApiKey.issue(shop, ApiKeys.hash(apiKey), cleanLabel, clock.instant());
        key.persist();
        return new NewApiKey(apiKey, key.view());
    }

    /**
     * Revokes one of the shop's keys: it opens nothing from this commit on, and the dashboard
     * sessions opened with it end. 404 for a key of another shop or one revoked already; 409 for the
     * shop's last live key, which would lock the shop out of its API (create the next one first).
     */
    @Transactional
    public void revokeApiKey(String slug, long keyId) {
        Shop shop = requireLocked(slug);
        List<ShopApiKey> live = ShopApiKey.liveOfShop(shop.id());
        ShopApiKey key = live.stream().filter(found -> found.id() == keyId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("The shop has no live API key " + keyId + "."));
        if (live.size() == 1) {
            throw ProblemException.conflict("This is the shop's only live API key: create the next one before revoking it.");
        }
        key.revoke(clock.instant());
    }

    @Transactional
    public ShopProfile profile(String slug) {
        return ShopProfile.of(require(slug));
    }

    /**
     * Changes how the shop is named and shown (validated by the caller with the record's
     * constraints); nothing else of the shop. Copies of the score, which names the shop, are
     * dropped when this commits ({@link ShopDescribed}).
     */
    @Transactional
    public ShopProfile describe(String slug, ShopProfile profile) {
        Shop shop = require(slug);
        shop.describe(profile.name().strip(), profile.websiteUrl(), profile.locale());
        described.fire(new ShopDescribed(slug));
        return ShopProfile.of(shop);
    }

    /**
     * Replaces the shop's contact address (validated by the caller with {@link ShopSettings}' or
     * {@link ShopContact}'s constraint; blank or null for none), and nothing else of the shop. A
     * replaced address is no longer a member: its dashboard sessions end on their next request.
     * Called by a member signed in by mail, or by the operator, who alone can give a shop without
     * a member its first one. 404 for an unknown shop.
     */
    @Transactional
    public ShopView changeContact(String slug, String contactEmail) {
        Shop shop = require(slug);
        shop.contact(contactEmail == null || contactEmail.isBlank() ? null : contactEmail.strip());
        return ShopView.of(shop);
    }

    /**
     * Sets when invitation mails and their reminder go out (validated by the caller with
     * {@link ShopSettings}' constraints), and nothing else: a contact address changed at the same
     * moment stays as it was changed.
     */
    @Transactional
    public void timeMails(String slug, int invitationDelayDays, Integer reminderAfterDays) {
        require(slug).timeMails(invitationDelayDays, reminderAfterDays);
    }

    @Transactional
    public Optional<ShopView> find(String slug) {
        return Shop.findBySlug(slug).map(ShopView::of);
    }

    @Transactional
    public Page<ShopView> list(PageRequest request) {
        var query = Shop.<Shop>findAll(Sort.by("slug"));
        var items = query.page(request.page(), request.size()).list().stream().map(ShopView::of).toList();
        return Page.of(items, request, query.count());
    }

    /**
     * Shops whose slug or name contains the text, case-insensitive, ordered by slug; the text is
     * matched literally ({@code %} and {@code _} are characters like any other, not wildcards).
     */
    @Transactional
    public Page<ShopView> search(String text, PageRequest request) {
        if (text == null || text.isBlank()) {
            return list(request);
        }
        String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        var query = Shop.<Shop>find("lower(slug) like ?1 escape '!' or lower(name) like ?1 escape '!'", Sort.by("slug"), pattern);
        var items = query.page(request.page(), request.size()).list().stream().map(ShopView::of).toList();
        return Page.of(items, request, query.count());
    }

    @Transactional
    public ShopSettings settings(String slug) {
        return ShopSettings.of(require(slug));
    }

    /**
     * The settings API, called with the shop's key: sets when invitation mails go out. The contact
     * address it may repeat but not change (403): that address signs in to the dashboard, where
     * keys and colleagues are managed, so a key that leaked must not make its holder a member who
     * outlasts the key. A member signed in by mail changes it in the dashboard.
     */
    @Transactional
    public ShopSettings configure(String slug, ShopSettings settings) {
        Shop shop = require(slug);
        String contact = settings.contactEmail() == null || settings.contactEmail().isBlank() ? null : settings.contactEmail().strip();
        if (contact == null ? shop.contactEmail() != null : !contact.equalsIgnoreCase(shop.contactEmail())) {
            throw ProblemException.forbidden("contactEmail cannot be changed with the API key: the contact address signs in to the "
                    + "shop's dashboard, where keys and colleagues are managed. Change it in the dashboard's settings, signed in by mail.");
        }
        shop.timeMails(settings.invitationDelayDays(), settings.reminderAfterDays());
        return ShopSettings.of(shop);
    }

    @Override
    public boolean hasApiKeyForm(String token) {
        return ApiKeys.hasApiKeyForm(token);
    }

    /**
     * The slug of the shop whose key this is, for authentication; notes the client's address (as a
     * keyed hash) as one the key was used from, at most once per address and shop every few
     * minutes, so that a review written from there can be recognised as probably the shop's.
     */
    @Override
    @Transactional
    @RetryableRead
    public Optional<String> slugForApiKey(String apiKey, String clientAddress) {
        // Nothing about a key is cached: a revoked key is refused by the very next request.
        Optional<ShopApiKey> key = ShopApiKey.liveByHash(ApiKeys.hash(apiKey)).filter(found -> ApiKeys.matches(apiKey, found.keyHash()));
        key.ifPresent(found -> {
            String addressHash = keys.hex(ServiceKeys.Purpose.CLIENT_ADDRESS, clientAddress);
            if (recentKeyUses.asMap().putIfAbsent(found.id() + ":" + addressHash, Boolean.TRUE) == null) {
                recordKeyUse(found.shop().id(), found.id(), addressHash);
            }
        });
        return key.map(found -> found.shop().slug());
    }

    /**
     * In a transaction of its own, so that losing a race with another request from the same address
     * (the row's primary key refuses the second insert) never fails the request that authenticated.
     */
    private void recordKeyUse(long shopId, long keyId, String addressHash) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ShopApiKey.noteUse(keyId, clock.instant()));
            QuarkusTransaction.requiringNew().run(() -> ApiKeyUse.record(shopId, addressHash, clock.instant()));
        } catch (RuntimeException raceLost) {
            LOG.debugf(raceLost, "API key use of shop %d was recorded by another request", shopId);
        }
    }

    private static Shop requireLocked(String slug) {
        return Shop.findBySlugForUpdate(slug).orElseThrow(() -> ProblemException.notFound("There is no shop '" + slug + "'."));
    }

    /** The shop, or a 404 problem naming the slug. For services acting under a shop's URL. */
    public static Shop require(String slug) {
        return Shop.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no shop '" + slug + "'."));
    }
}
