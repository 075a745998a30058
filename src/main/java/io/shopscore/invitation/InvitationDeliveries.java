package io.shopscore.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.shopscore.mail.MailKind;
import io.shopscore.mail.MailQueue;
import io.shopscore.mail.MailStatus;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.OutboxState;
import io.shopscore.persistence.RetryableRead;

/**
 * The shop's invitations with their {@link DeliveryState}, newest first. The state is one CASE
 * expression over the invitation, its invitation mail in the outbox and the opt-outs, evaluated by
 * the database; so the filter and the label can never disagree, and a filtered list pages like any
 * other. The expression names the mail package's entities (OutgoingMail, OptOut, OptOutEverywhere)
 * because invitation already depends on mail; every subquery is answered by a primary or unique key.
 */
@ApplicationScoped
public class InvitationDeliveries {

    private static final String STATE = """
            (case
              when i.reviewedAt is not null then 'REVIEWED'
              when i.email <> '' and (exists (select 1 from OptOut o where o.shopId = i.shop.id and o.email = lower(i.email))
                  or exists (select 1 from OptOutEverywhere e where e.email = lower(i.email))) then 'OPTED_OUT'
              when i.expiresAt <= :now then 'EXPIRED'
              when i.delivery = :link then 'LINK'
              when exists (select 1 from OutgoingMail m where m.invitationId = i.id and m.kind = :invitationMail and m.state = :failed)
                  then 'FAILED'
              when exists (select 1 from OutgoingMail m where m.invitationId = i.id and m.kind = :invitationMail and m.state = :done)
                  then 'SENT'
              else 'SCHEDULED'
            end)""";

    private final Clock clock;
    private final MailQueue mails;

    public InvitationDeliveries(Clock clock, MailQueue mails) {
        this.clock = clock;
        this.mails = mails;
    }

    /** A page of the shop's invitations, newest first; only those in {@code state} when it is given. */
    @Transactional
    @RetryableRead
    public Page<DeliveredInvitation> list(long shopId, DeliveryState state, PageRequest request) {
        Instant now = clock.instant();
        String where = " from Invitation i where i.shop.id = :shop" + (state == null ? "" : " and " + STATE + " = :state");
        Query select = Invitation.getEntityManager()
                .createQuery("select i, " + STATE + where + " order by i.createdAt desc, i.id desc")
                .setFirstResult(request.offset()).setMaxResults(request.size());
        Query count = Invitation.getEntityManager().createQuery("select count(i)" + where);
        bind(select, shopId, state, now, true);
        bind(count, shopId, state, now, state != null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        Map<Long, Map<MailKind, MailStatus>> mail = mails.statusOf(rows.stream().map(row -> ((Invitation) row[0]).id()).toList());
        List<DeliveredInvitation> items = rows.stream().map(row -> {
            Invitation invitation = (Invitation) row[0];
            Map<MailKind, MailStatus> its = mail.getOrDefault(invitation.id(), Map.of());
            return new DeliveredInvitation(invitation.id(), invitation.orderRef(), invitation.email(), invitation.customerName(),
                    invitation.locale(), DeliveryState.valueOf((String) row[1]), invitation.createdAt(), invitation.sendAt(),
                    invitation.expiresAt(), invitation.reviewedAt(), its.get(MailKind.INVITATION), its.get(MailKind.REMINDER));
        }).toList();
        return Page.of(items, request, ((Number) count.getSingleResult()).longValue());
    }

    private static void bind(Query query, long shopId, DeliveryState state, Instant now, boolean withState) {
        query.setParameter("shop", shopId);
        if (withState) {
            query.setParameter("now", now)
                    .setParameter("link", Invitation.Delivery.LINK)
                    .setParameter("invitationMail", MailKind.INVITATION)
                    .setParameter("failed", OutboxState.FAILED)
                    .setParameter("done", OutboxState.DONE);
        }
        if (state != null) {
            query.setParameter("state", state.name());
        }
    }
}
