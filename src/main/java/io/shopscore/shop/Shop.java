package io.shopscore.shop;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A webshop that collects reviews. Its slug names it in every URL and never changes.
 * {@code @DynamicUpdate}: an update writes only the columns it changed, so changes to different
 * parts of the shop at the same moment (its name, its contact address, its mail timing) cannot
 * undo each other by writing back what they read.
 */
@Entity
@DynamicUpdate
@Table(name = "shop")
public class Shop extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shop_seq")
    @SequenceGenerator(name = "shop_seq", sequenceName = "shop_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false, length = 64)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 2048)
    private String websiteUrl;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    /** Where Shopscore tells the shop about negative reviews; none means no such mail. */
    @Column(length = 254)
    private String contactEmail;

    /** Days between an invitation's creation and its mail, unless the invitation says otherwise. */
    @Column(nullable = false)
    private int invitationDelayDays;

    /** Days after the invitation mail to send one reminder; null means the platform's default, 0 none. */
    private Integer reminderAfterDays;

    protected Shop() {
    }

    static Shop create(String slug, String name, String websiteUrl, String locale, Instant now) {
        Shop shop = new Shop();
        shop.slug = slug;
        shop.name = name;
        shop.websiteUrl = websiteUrl;
        shop.locale = locale;
        shop.createdAt = now;
        return shop;
    }

    public static Optional<Shop> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The shop, locked: changes to its set of API keys take turns, so two at once cannot pass a limit together. */
    static Optional<Shop> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The shop's own choices about mails; validated by the caller. */
    void configure(String contactEmail, int invitationDelayDays, Integer reminderAfterDays) {
        this.contactEmail = contactEmail;
        this.invitationDelayDays = invitationDelayDays;
        this.reminderAfterDays = reminderAfterDays;
    }

    /** Where negative reviews are reported, and who else may sign in; validated by the caller. */
    void contact(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    /** When invitation mails and their reminder go out; validated by the caller. */
    void timeMails(int invitationDelayDays, Integer reminderAfterDays) {
        this.invitationDelayDays = invitationDelayDays;
        this.reminderAfterDays = reminderAfterDays;
    }

    /** How the shop is named and shown: name, website and the language of its pages and mails; validated by the caller. */
    void describe(String name, String websiteUrl, String locale) {
        this.name = name;
        this.websiteUrl = websiteUrl;
        this.locale = locale;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String websiteUrl() {
        return websiteUrl;
    }

    public String locale() {
        return locale;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public int invitationDelayDays() {
        return invitationDelayDays;
    }

    public Integer reminderAfterDays() {
        return reminderAfterDays;
    }
}
