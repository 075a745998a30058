package io.shopscore.shop;

import java.time.Instant;

/** One of a shop's API keys as its owner sees it: never the key, nor its digest. */
public record ApiKeyView(long id, String label, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean live() {
        return revokedAt == null;
    }
}
