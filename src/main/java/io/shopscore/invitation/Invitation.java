package io.shopscore.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.FlushMode;
import org.hibernate.jpa.HibernateHints;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Shop;

/**
 * A shop's request to one customer to review one order. Its token is the customer's only
 * credential; it accepts one review until it expires.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    /** Why a second review for one invitation is refused, wherever the refusal happens. */
    public static final String ALREADY_REVIEWED = "This invitation already has a review; update it with PUT instead.";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shop_id", nullable = false, updatable = false)
    private Shop shop;

    @Column(nullable = false, length = 100)
    private String orderRef;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(length = 100)
    private String customerName;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false, updatable = false, length = 64)
    private String token;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant reviewedAt;

    /** How the customer gets the link; with EMAIL the shop never sees it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Delivery delivery;

    /** When the invitation mail goes out: at creation, or after the delay the shop chose. */
    @Column(nullable = false)
    private Instant sendAt;

    /** How the customer receives their personal link. */
    public enum Delivery {
        /** The service mails it; no answer to the shop ever contains it. */
        EMAIL,
        /** The shop hands it out itself, so the answer to the shop carries it. */
        LINK;

        @JsonValue
        public String json() {
            return name().toLowerCase();
        }
    }

    protected Invitation() {
    }

    static Invitation issue(Shop shop, String orderRef, String email, String customerName, String locale, Delivery delivery,
            Instant now, Duration delay, Duration validity) {
        Invitation invitation = new Invitation();
        invitation.delivery = delivery;
        invitation.shop = shop;
        invitation.orderRef = orderRef;
        invitation.email = email;
        invitation.customerName = customerName;
        invitation.locale = locale;
        invitation.token = Tokens.newToken();
        invitation.createdAt = now;
        invitation.sendAt = now.plus(delay);
        invitation.expiresAt = invitation.sendAt.plus(validity);
        return invitation;
    }

    static Optional<Invitation> findByOrderRef(Shop shop, String orderRef) {
        return find("shop = ?1 and orderRef = ?2", shop, orderRef).firstResultOptional();
    }

    /** The token of a shop's invitation for an order: for the demo data, which plays the customer too. */
    public static String tokenOf(String slug, String orderRef) {
        return find("shop.slug = ?1 and orderRef = ?2", slug, orderRef).<Invitation>firstResultOptional()
                .orElseThrow(() -> new IllegalArgumentException("No invitation for " + orderRef)).token;
    }

    /** Every invitation to this address (lower case), on every shop: for an erasure. */
    public static List<Invitation> lockAllWithEmail(String normalizedEmail) {
        return find("lower(email) = ?1", Sort.by("id"), normalizedEmail).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Invitations that expired before then without a review and still hold the customer's data: for the retention purge. */
    public static List<Invitation> expiredUnusedBefore(Instant before, int limit) {
        return find("reviewedAt is null and expiresAt < ?1 and email <> ''", Sort.by("id"), before).page(0, limit).list();
    }

    /** Whether the customer's personal data were erased from this invitation. */
    public boolean erased() {
        return email.isEmpty();
    }

    public static boolean existsWithToken(String token) {
        return count("token", token) > 0;
    }

    public static Optional<Invitation> findByToken(String token) {
        return find("token", token).firstResultOptional();
    }

    /**
     * The invitation with its row locked until the transaction ends: two requests with the same
     * token are handled one after the other, and the second sees what the first did. The query
     * does not flush the transaction's pending changes first: it reads one row by its unique token,
     * which nothing pending can add, and an invitation already loaded keeps its state as changed in
     * memory. (An automatic flush here would cost a round of statements per review in a batch.)
     */
    public static Optional<Invitation> lockByToken(String token) {
        return Optional.ofNullable(lockAllByToken(List.of(token)).get(token));
    }

    /**
     * Locks the invitations of these tokens with one statement, in id order, and returns them by
     * token; tokens of no invitation are absent. As {@link #lockByToken}, for a batch of reviews.
     */
    public static Map<String, Invitation> lockAllByToken(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return Map.of();
        }
        List<Invitation> locked = find("token in ?1", Sort.by("id"), tokens).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT)
                .list();
        return locked.stream().collect(Collectors.toMap(invitation -> invitation.token, invitation -> invitation));
    }

    static PanacheQuery<Invitation> ofShop(Shop shop, InvitationState state, Instant now) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        if (state == null) {
            return find("shop = :shop", newestFirst, Parameters.with("shop", shop));
        }
        String condition = switch (state) {
            case PENDING -> "shop = :shop and reviewedAt is null and expiresAt > :now";
            case REVIEWED -> "shop = :shop and reviewedAt is not null";
            case EXPIRED -> "shop = :shop and reviewedAt is null and expiresAt <= :now";
        };
        Parameters parameters = Parameters.with("shop", shop);
        if (state != InvitationState.REVIEWED) {
            parameters = parameters.and("now", now);
        }
        return find(condition, newestFirst, parameters);
    }

    /**
     * Erases the customer from this invitation (their review was withdrawn, or they asked for
     * erasure): no name, no address, and the order reference only as a keyed hash, which keeps a
     * repeated invitation for the same order answered with this one instead of inviting again.
     */
    public void erasePersonalData(String erasedOrderRef) {
        email = "";
        customerName = null;
        orderRef = erasedOrderRef;
    }

    public InvitationState state(Instant now) {
        if (reviewedAt != null) {
            return InvitationState.REVIEWED;
        }
        return now.isBefore(expiresAt) ? InvitationState.PENDING : InvitationState.EXPIRED;
    }

    /**
     * Records that the customer wrote their review. Refuses a second review and an expired link,
     * whatever the caller checked before.
     */
    public void markReviewed(Instant now) {
        if (reviewedAt != null) {
            throw ProblemException.conflict(ALREADY_REVIEWED);
        }
        if (!now.isBefore(expiresAt)) {
            throw ProblemException.gone("This invitation expired on " + expiresAt + " without a review.");
        }
        reviewedAt = now;
    }

    public Long id() {
        return id;
    }

    public Shop shop() {
        return shop;
    }

    public String orderRef() {
        return orderRef;
    }

    public String email() {
        return email;
    }

    public String customerName() {
        return customerName;
    }

    public String locale() {
        return locale;
    }

    public String token() {
        return token;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** Whether the shop may see this invitation's link: only when it hands the link out itself. */
    public boolean linkIsTheShops() {
        return delivery == Delivery.LINK;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public Instant sendAt() {
        return sendAt;
    }
}
