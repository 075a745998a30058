package io.shopscore.review;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.invitation.Invitation;
import io.shopscore.keys.ServiceKeys;
import io.shopscore.shop.ApiKeyUse;
import io.shopscore.shop.Shop;

/**
 * Looks at a new review for signs that it was not written by an ordinary customer: the shop
 * writing its own reviews through links it handed out, one person writing many, or one text
 * posted again and again. Each signal adds to a risk; at {@code shopscore.trust.hold-risk} the
 * review waits for the operator, who sees the reasons. Nothing here is ever public, and nothing
 * refuses a review: a held review that is genuine is published by the operator.
 */
@ApplicationScoped
public class SubmissionSignals {

    /** The review came from an address its shop's API key was used from. */
    static final String SHOP_KEY_ADDRESS = "shop-key-address";
    /** The same address wrote other reviews of this shop lately. */
    static final String REPEAT_ADDRESS = "repeat-address";
    /** Nearly the same text was written in another review, of any shop, lately. */
    static final String NEAR_DUPLICATE = "near-duplicate";
    /** Written within a minute of the link being handed out or mailed: too fast to have read a form. */
    static final String TOO_FAST = "too-fast";
    /**
     * The invitation went to the shop's own address (its contact address, or its website's domain):
     * the author's edit link would reach the shop, so the review must be looked at.
     */
    static final String SHOPS_OWN_ADDRESS = "shops-own-address";

    private static final Duration FAST = Duration.ofMinutes(1);
    private static final int CANDIDATES = 50;

    /** What was seen, and the risk it adds up to. */
    record Assessment(String addressHash, long secondsAfterInvitation, int sameAddressReviews, boolean addressUsedShopKey,
            Long nearDuplicateOf, Long simhash, int risk, List<String> reasons) {
    }

    private final ShopscoreConfig config;
    private final ServiceKeys keys;
    private final TransactionSynchronizationRegistry transactions;

    public SubmissionSignals(ShopscoreConfig config, ServiceKeys keys, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.keys = keys;
        this.transactions = transactions;
    }

    /** Whether signals of this risk hold a review for the operator. */
    boolean holds(Assessment assessment) {
        return assessment.risk() >= config.trust().holdRisk();
    }

    /**
     * Assesses a review just stored (it has its id), written from this client address. Reviews
     * written earlier in the same transaction (a batch) count as if committed.
     */
    Assessment assess(Review review, Invitation invitation, String clientAddress) {
        Instant now = review.createdAt();
        Instant since = now.minus(config.trust().signalWindow());
        long shopId = review.shop().id();
        WrittenInThisTransaction batch = batch();

        String addressHash = keys.hex(ServiceKeys.Purpose.CLIENT_ADDRESS, clientAddress);
        String addressKey = shopId + ":" + addressHash;
        int sameAddress = (int) ReviewSignal.countFromAddress(shopId, addressHash, since) + batch.fromAddress.getOrDefault(addressKey, 0);
        boolean usedShopKey = ApiKeyUse.usedFrom(shopId, addressHash, since);
        Instant linkOut = invitation.linkIsTheShops() ? invitation.createdAt() : invitation.sendAt();
        long seconds = Math.max(0, Duration.between(linkOut, now).toSeconds());
        Long simhash = Simhash.of(review.text());
        Long duplicateOf = simhash == null ? null : nearDuplicate(simhash, since, batch);

        List<String> reasons = new ArrayList<>();
        int risk = 0;
        if (isTheShopsOwn(invitation.email(), review.shop())) {
            risk += 70;
            reasons.add(SHOPS_OWN_ADDRESS);
        }
        if (usedShopKey) {
            risk += 60;
            reasons.add(SHOP_KEY_ADDRESS);
        }
        if (sameAddress > 0) {
            risk += sameAddress == 1 ? 35 : 60;
            reasons.add(REPEAT_ADDRESS);
        }
        if (duplicateOf != null) {
            risk += 40;
            reasons.add(NEAR_DUPLICATE);
        }
        if (seconds < FAST.toSeconds()) {
            risk += 25;
            reasons.add(TOO_FAST);
        }

        batch.fromAddress.merge(addressKey, 1, Integer::sum);
        if (simhash != null) {
            batch.fingerprints.put(review.id(), simhash);
        }
        return new Assessment(addressHash, seconds, sameAddress, usedShopKey, duplicateOf, simhash, risk, List.copyOf(reasons));
    }

    private static boolean isTheShopsOwn(String email, Shop shop) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (shop.contactEmail() != null && address.equals(shop.contactEmail().strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1);
        String host;
        try {
            host = URI.create(shop.websiteUrl()).getHost();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return domain.equals(host) || host.equals("www." + domain);
    }

    private static Long nearDuplicate(long simhash, Instant since, WrittenInThisTransaction batch) {
        for (ReviewSignal candidate : ReviewSignal.sharingABand(simhash, since, CANDIDATES)) {
            if (candidate.simhash() != null && Simhash.near(simhash, candidate.simhash())) {
                return candidate.reviewId();
            }
        }
        return batch.fingerprints.entrySet().stream().filter(written -> Simhash.near(simhash, written.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * Reviews assessed earlier in this transaction: the queries above read committed rows only (no
     * flush per review of a batch), so the batch's own reviews are remembered here.
     */
    private WrittenInThisTransaction batch() {
        WrittenInThisTransaction batch = (WrittenInThisTransaction) transactions.getResource(SubmissionSignals.class);
        if (batch == null) {
            batch = new WrittenInThisTransaction();
            transactions.putResource(SubmissionSignals.class, batch);
        }
        return batch;
    }

    private static final class WrittenInThisTransaction {
        final Map<String, Integer> fromAddress = new HashMap<>();
        final Map<Long, Long> fingerprints = new HashMap<>();
    }
}
