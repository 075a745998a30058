package io.shopscore.shop;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An address (as a keyed hash) from which a shop's API key was used. A review written from such an
 * address was probably written by the shop: one of the fraud signals.
 */
@Entity
@Table(name = "api_key_use")
@IdClass(ApiKeyUse.Key.class)
public class ApiKeyUse extends PanacheEntityBase {

    @Id
    private Long shopId;

    @Id
    @Column(length = 64)
    private String addressHash;

    @Column(nullable = false)
    private Instant lastUsedAt;

    protected ApiKeyUse() {
    }

    /** Records a use: a new row, or a later time on the existing one. */
    static void record(long shopId, String addressHash, Instant now) {
        int updated = update("lastUsedAt = ?1 where shopId = ?2 and addressHash = ?3", now, shopId, addressHash);
        if (updated == 0) {
            ApiKeyUse use = new ApiKeyUse();
            use.shopId = shopId;
            use.addressHash = addressHash;
            use.lastUsedAt = now;
            use.persist();
        }
    }

    /** Whether the shop's key was used from this address since the given time. */
    public static boolean usedFrom(long shopId, String addressHash, Instant since) {
        return count("shopId = ?1 and addressHash = ?2 and lastUsedAt >= ?3", shopId, addressHash, since) > 0;
    }

    /** Forgets uses older than the retention period; returns how many. */
    public static long purgeBefore(Instant before) {
        return delete("lastUsedAt < ?1", before);
    }

    /** The composite key: one row per shop and address. */
    public static class Key implements Serializable {
        Long shopId;
        String addressHash;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(shopId, key.shopId) && Objects.equals(addressHash, key.addressHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopId, addressHash);
        }
    }
}
