package io.shopscore.shop;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.shopscore.keys.Digests;

/**
 * One of a shop's API keys, by the SHA-256 digest of the key (the key itself is never stored). A
 * shop has at most {@link #MAX_LIVE} live keys, so it can deploy a new key while the old one still
 * works and then revoke the old one. A revoked key stays listed and opens nothing.
 */
@Entity
@Table(name = "shop_api_key")
public class ShopApiKey extends PanacheEntityBase {

    /** Two: the key in use and the one replacing it. More would make a leaked key easy to overlook. */
    public static final int MAX_LIVE = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shop_id", nullable = false, updatable = false)
    private Shop shop;

    @Column(nullable = false, updatable = false, length = 64)
    private String keyHash;

    @Column(length = 60, updatable = false)
    private String label;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant revokedAt;

    private Instant lastUsedAt;

    protected ShopApiKey() {
    }

    static ShopApiKey issue(Shop shop, String keyHash, String label, Instant now) {
        ShopApiKey key = new ShopApiKey();
        key.shop = shop;
        key.keyHash = keyHash;
        key.label = label;
        key.createdAt = now;
        return key;
    }

    /** The live key with this digest and its shop, in one indexed lookup; empty for unknown and revoked keys. */
    static Optional<ShopApiKey> liveByHash(String keyHash) {
        return find("from ShopApiKey k join fetch k.shop where k.keyHash = ?1 and k.revokedAt is null", keyHash)
                .firstResultOptional();
    }

    /** The shop's keys, live ones first, then newest first. */
    static List<ShopApiKey> ofShop(long shopId) {
        return ShopApiKey.<ShopApiKey>list("shop.id = ?1", Sort.descending("createdAt", "id"), shopId).stream()
                .sorted(Comparator.comparing(ShopApiKey::live).reversed()).toList();
    }

    /** The shop's live keys; callers hold the shop's row lock, so that two requests cannot both add a third or both revoke the last. */
    static List<ShopApiKey> liveOfShop(long shopId) {
        return list("shop.id = ?1 and revokedAt is null", shopId);
    }

    /**
     * The digests (see {@link #sessionDigest}) of the shop's live keys: a dashboard session opened
     * with a key lasts only while its key's digest is among them.
     */
    public static List<String> liveSessionDigests(long shopId) {
        return ShopApiKey.<ShopApiKey>list("shop.id = ?1 and revokedAt is null", shopId).stream()
                .map(key -> Digests.sha256Hex(key.keyHash)).toList();
    }

    /**
     * A digest of a key's stored hash, for whoever must notice that the key was revoked (a dashboard
     * session opened with it) without holding the hash itself.
     */
    public static String sessionDigest(String apiKey) {
        return Digests.sha256Hex(ApiKeys.hash(apiKey));
    }

    static int noteUse(long keyId, Instant now) {
        return update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", now, keyId);
    }

    /** Revokes every live key of the shop (the operator's rotation, for a key that leaked). */
    static int revokeAll(long shopId, Instant now) {
        return update("revokedAt = ?1 where shop.id = ?2 and revokedAt is null", now, shopId);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean live() {
        return revokedAt == null;
    }

    Long id() {
        return id;
    }

    Shop shop() {
        return shop;
    }

    String keyHash() {
        return keyHash;
    }

    ApiKeyView view() {
        return new ApiKeyView(id, label, createdAt, lastUsedAt, revokedAt);
    }
}
