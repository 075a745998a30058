package io.shopscore.session;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A colleague who may sign in to a shop's dashboard with their own address. */
@Entity
@Table(name = "shop_member")
public class ShopMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shop_member_seq")
    @SequenceGenerator(name = "shop_member_seq", sequenceName = "shop_member_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(nullable = false, updatable = false, length = 254)
    private String addedBy;

    @Column(nullable = false, updatable = false)
    private Instant addedAt;

    protected ShopMember() {
    }

    static ShopMember add(long shopId, String email, String addedBy, Instant now) {
        ShopMember member = new ShopMember();
        member.shopId = shopId;
        member.email = normalize(email);
        member.addedBy = addedBy;
        member.addedAt = now;
        return member;
    }

    /** How addresses are compared and stored: trimmed, lower case. */
    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static List<ShopMember> ofShop(long shopId) {
        return list("shopId = ?1 order by email", shopId);
    }

    static List<ShopMember> withEmail(String normalizedEmail) {
        return list("email", normalizedEmail);
    }

    static Optional<ShopMember> of(long shopId, String normalizedEmail) {
        return find("shopId = ?1 and email = ?2", shopId, normalizedEmail).firstResultOptional();
    }

    public Long id() {
        return id;
    }

    public Long shopId() {
        return shopId;
    }

    public String email() {
        return email;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
