package io.shopscore.mail.compose;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.invitation.Invitation;
import io.shopscore.mail.MailQueue;
import io.shopscore.shop.Shop;

/** The unsubscribe link of every customer mail: it names the invitation, whose address stops getting mail. */
@ApplicationScoped
public class Unsubscriptions {

    private final Clock clock;
    private final MailQueue mails;

    public Unsubscriptions(Clock clock, MailQueue mails) {
        this.clock = clock;
        this.mails = mails;
    }

    /** The customer of this invitation wants no more mail from its shop. Idempotent. */
    @Transactional
    public Optional<Unsubscribed> unsubscribe(String token) {
        return Invitation.findByToken(token).map(invitation -> {
            Shop shop = invitation.shop();
            mails.optOut(shop.id(), invitation.email(), clock.instant());
            return new Unsubscribed(shop.name(), invitation.email(), invitation.locale());
        });
    }

    /** The customer of this invitation wants no mail from this service for any shop. Idempotent. */
    @Transactional
    public Optional<Unsubscribed> unsubscribeEverywhere(String token) {
        return Invitation.findByToken(token).map(invitation -> {
            mails.optOutEverywhere(invitation.email(), clock.instant());
            return new Unsubscribed(invitation.shop().name(), invitation.email(), invitation.locale());
        });
    }

    /** Who asked, for the confirmation page. */
    @Transactional
    public Optional<Unsubscribed> subscriber(String token) {
        return Invitation.findByToken(token)
                .map(invitation -> new Unsubscribed(invitation.shop().name(), invitation.email(), invitation.locale()));
    }


    /** The shop and address of an unsubscribe link. */
    public record Unsubscribed(String shopName, String email, String locale) {

        /** j***@example.nl: enough for the customer to recognise, not enough for whoever sees the screen. */
        public String maskedEmail() {
            int at = email.indexOf('@');
            return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
        }
    }
}
