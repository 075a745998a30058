package io.shopscore.invitation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.ServiceKeys;
import io.shopscore.limits.InvitationQuota;
import io.shopscore.mail.MailKind;
import io.shopscore.mail.MailQueue;
import io.shopscore.mail.MailStatus;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.problem.ProblemException;
import io.shopscore.product.Product;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;
import io.shopscore.web.Links;

/** Inviting customers to review their order, once per order. */
@ApplicationScoped
public class InvitationService {

    /** The invitation for an order, and whether this request created it (201) or found it (200). */
    public record Issued(InvitationCreated invitation, boolean created) {
    }

    /** What inviting a batch of orders did: how many invitations are new, and how many orders had one already. */
    public record Batch(int invited, int already) {
    }

    /** A batch keeps at most this many invitations in memory at once; it flushes them and goes on. */
    private static final int BATCH_FLUSH = 200;

    private final Clock clock;
    private final ShopscoreConfig config;
    private final Links links;
    private final Event<InvitationIssued> issued;
    private final MailQueue mails;
    private final ServiceKeys keys;
    private final InvitationQuota quota;

    /** The prefix of an erased order reference. */
    public static final String ERASED = "erased:";

    public InvitationService(Clock clock, ShopscoreConfig config, Links links, Event<InvitationIssued> issued, MailQueue mails,
            ServiceKeys keys, InvitationQuota quota) {
        this.keys = keys;
        this.clock = clock;
        this.config = config;
        this.links = links;
        this.issued = issued;
        this.mails = mails;
        this.quota = quota;
    }

    /**
     * Invites the customer of an order, or returns the invitation that order already has, so a
     * shop can retry safely. Two simultaneous requests for one order also get one invitation: the
     * database's unique key on (shop, order) refuses the second insert, which then reads the first.
     * Every request counts against the shop's daily quota, a retry included (429 past it).
     */
    public Issued invite(String slug, CreateInvitation request) {
        refuseRepeatedSkus(request.productsOrNone());
        quota.charge(slug);
        String orderRef = request.orderRef().strip();
        try {
            return issueOrCatalogueAgain(slug, orderRef, request);
        } catch (RuntimeException e) {
            if (!UniqueConstraint.isUniqueViolation(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> Invitation.findByOrderRef(ShopService.require(slug), orderRef)
                    .map(existing -> new Issued(created(existing), false))
                    .orElseThrow(() -> e));
        }
    }

    /**
     * Invites the customers of many orders (an uploaded file's rows) in the caller's transaction,
     * each as {@link #invite} does: an order that already has an invitation, from before or from
     * higher up in the same batch, keeps it and is counted as already invited. The quota is charged
     * for all of them first, at once (429 for the whole batch past it). Nothing is stored unless the
     * caller's transaction commits, so a batch is stored whole or not at all. The transaction's
     * persistence context is cleared as the batch goes, so the caller must not hold entities of its
     * own across this call. {@code progress} hears how many orders are done, now and then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch inviteAll(String slug, List<CreateInvitation> requests, IntConsumer progress) {
        requests.forEach(request -> refuseRepeatedSkus(request.productsOrNone()));
        quota.charge(slug, requests.size());
        int invited = 0;
        for (int i = 0; i < requests.size(); i++) {
            CreateInvitation request = requests.get(i);
            if (findOrIssue(slug, request.orderRef().strip(), request).created()) {
                invited++;
            }
            if ((i + 1) % BATCH_FLUSH == 0) {
                Invitation.getEntityManager().flush();
                Invitation.getEntityManager().clear();
                progress.accept(i + 1);
            }
        }
        Invitation.getEntityManager().flush();
        progress.accept(requests.size());
        return new Batch(invited, requests.size() - invited);
    }

    /**
     * One transaction that finds or issues the invitation; once more when it lost a race to add a
     * new product to the catalogue, which it then finds.
     */
    private Issued issueOrCatalogueAgain(String slug, String orderRef, CreateInvitation request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> findOrIssue(slug, orderRef, request));
        } catch (RuntimeException e) {
            if (!UniqueConstraint.isViolationOf(e, Product.UNIQUE_SKU)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> findOrIssue(slug, orderRef, request));
        }
    }

    /** A SKU listed twice in one order is refused, naming the second. */
    private static void refuseRepeatedSkus(List<InvitationProduct> products) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            Integer first = seen.putIfAbsent(products.get(i).sku(), i);
            if (first != null) {
                throw ProblemException.invalid("products[" + i + "].sku", "repeats the sku of products[" + first + "]");
            }
        }
    }

    private Issued findOrIssue(String slug, String orderRef, CreateInvitation request) {
        Shop shop = ShopService.require(slug);
        return Invitation.findByOrderRef(shop, orderRef)
                .or(() -> Invitation.findByOrderRef(shop, erasedOrderRef(orderRef)))
                .map(existing -> new Issued(created(existing), false))
                .orElseGet(() -> {
                    String locale = request.locale() != null ? request.locale() : shop.locale();
                    String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
                    int delayDays = request.delayDays() != null ? request.delayDays() : shop.invitationDelayDays();
                    Invitation invitation = Invitation.issue(shop, orderRef, request.email().strip(), name, locale,
                            request.deliveryOrDefault(), clock.instant(), Duration.ofDays(delayDays), config.invitations().validity());
                    invitation.persist();
                    Invitation.flush();
                    catalogue(shop, invitation, request.productsOrNone());
                    if (!invitation.linkIsTheShops()) {
                        mails.invitation(new MailQueue.Addressee(shop.id(), invitation.id(), invitation.email(), invitation.locale()),
                                invitation.sendAt(), reminderAfter(shop));
                    }
                    issued.fire(new InvitationIssued(invitation.id(), shop.id(), shop.slug()));
                    return new Issued(created(invitation), true);
                });
    }

    /** Brings the shop's catalogue up to date with the order's products and lists them on the invitation. */
    private void catalogue(Shop shop, Invitation invitation, List<InvitationProduct> products) {
        for (int i = 0; i < products.size(); i++) {
            Product product = Product.record(shop, products.get(i).details(), clock.instant());
            OrderedProduct.of(invitation, i, product).persist();
        }
        if (!products.isEmpty()) {
            Invitation.flush();
        }
    }

    /** The shop's reminder delay, else the service's; zero: no reminder. */
    private Duration reminderAfter(Shop shop) {
        return shop.reminderAfterDays() != null ? Duration.ofDays(shop.reminderAfterDays()) : config.mail().reminderAfter();
    }

    /**
     * How an order reference is kept once its customer is erased: a keyed hash, so that nobody can
     * read the order back, while a repeated invitation for the order still finds it.
     */
    public String erasedOrderRef(String orderRef) {
        return ERASED + keys.hex(ServiceKeys.Purpose.ERASED_ORDER, orderRef).substring(0, 48);
    }

    /** The shop's invitations, newest first, optionally only those in one state. */
    @Transactional
    @RetryableRead
    public Page<InvitationView> list(String slug, InvitationState state, PageRequest request) {
        Shop shop = ShopService.require(slug);
        Instant now = clock.instant();
        var query = Invitation.ofShop(shop, state, now);
        List<Invitation> invitations = query.page(request.page(), request.size()).list();
        Map<Long, Map<MailKind, MailStatus>> mailStatus = mails.statusOf(invitations.stream().map(Invitation::id).toList());
        var items = invitations.stream()
                .map(invitation -> view(invitation, now, mailStatus.getOrDefault(invitation.id(), Map.of())))
                .toList();
        return Page.of(items, request, query.count());
    }

    @Transactional
    @RetryableRead
    public Optional<InvitationView> find(String slug, long id) {
        Shop shop = ShopService.require(slug);
        return Invitation.<Invitation>findByIdOptional(id)
                .filter(invitation -> invitation.shop().id().equals(shop.id()))
                .map(invitation -> view(invitation, clock.instant(), mails.statusOf(List.of(invitation.id())).getOrDefault(invitation.id(), Map.of())));
    }

    /** What the shop gets back: the link only when it hands the link out itself. */
    private InvitationCreated created(Invitation invitation) {
        boolean shopsLink = invitation.linkIsTheShops();
        return new InvitationCreated(invitation.id(), invitation.orderRef(), invitation.delivery(),
                shopsLink ? invitation.token() : null, shopsLink ? links.reviewForm(invitation.token()) : null,
                invitation.expiresAt());
    }

    private InvitationView view(Invitation invitation, Instant now, Map<MailKind, MailStatus> mail) {
        return new InvitationView(invitation.id(), invitation.orderRef(), invitation.email(), invitation.customerName(),
                invitation.locale(), invitation.state(now), invitation.delivery(),
                invitation.linkIsTheShops() ? links.reviewForm(invitation.token()) : null,
                invitation.createdAt(), invitation.expiresAt(), invitation.reviewedAt(),
                mail.get(MailKind.INVITATION), mail.get(MailKind.REMINDER));
    }
}
