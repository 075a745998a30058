package io.shopscore.mail;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An address that asked one shop for no more mail ({@link OptOutEverywhere}: every shop). Addresses are kept in lower case. */
@Entity
@Table(name = "mail_opt_out")
@IdClass(OptOut.Key.class)
public class OptOut extends PanacheEntityBase {

    @Id
    private Long shopId;

    @Id
    @Column(length = 254)
    private String email;

    @Column(nullable = false)
    private Instant createdAt;

    protected OptOut() {
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean exists(long shopId, String email) {
        return findById(new Key(shopId, normalize(email))) != null;
    }

    /**
     * Those of these (shop, address) pairs whose address asked that shop, or every shop, for no more
     * mail, as normalized keys: two queries for a whole batch of mails instead of two a mail.
     */
    static Set<Key> among(Collection<Key> wanted) {
        Set<String> emails = wanted.stream().map(key -> normalize(key.email())).collect(Collectors.toSet());
        if (emails.isEmpty()) {
            return Set.of();
        }
        Set<String> everywhere = Set.copyOf(getEntityManager()
                .createQuery("select o.email from OptOutEverywhere o where o.email in :emails", String.class)
                .setParameter("emails", emails).getResultList());
        Set<Key> perShop = getEntityManager()
                .createQuery("select o.shopId, o.email from OptOut o where o.email in :emails", Object[].class)
                .setParameter("emails", emails).getResultStream()
                .map(row -> new Key((Long) row[0], (String) row[1])).collect(Collectors.toSet());
        return wanted.stream().map(key -> new Key(key.shopId(), normalize(key.email())))
                .filter(key -> everywhere.contains(key.email()) || perShop.contains(key))
                .collect(Collectors.toSet());
    }

    /** Records the opt-out once; asking again changes nothing. */
    static void record(long shopId, String email, Instant now) {
        if (!exists(shopId, email)) {
            OptOut optOut = new OptOut();
            optOut.shopId = shopId;
            optOut.email = normalize(email);
            optOut.createdAt = now;
            optOut.persist();
        }
    }

    /** The primary key: one row per shop and address. */
    public record Key(Long shopId, String email) implements Serializable {
    }
}
