package io.shopscore.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An address that asked for no mail from this service for any shop. Addresses are kept in lower case. */
@Entity
@Table(name = "mail_opt_out_everywhere")
public class OptOutEverywhere extends PanacheEntityBase {

    @Id
    @Column(length = 254)
    private String email;

    @Column(nullable = false)
    private Instant createdAt;

    protected OptOutEverywhere() {
    }

    static boolean exists(String email) {
        return findById(OptOut.normalize(email)) != null;
    }

    /** Records the opt-out once; asking again changes nothing. */
    static void record(String email, Instant now) {
        if (!exists(email)) {
            OptOutEverywhere optOut = new OptOutEverywhere();
            optOut.email = OptOut.normalize(email);
            optOut.createdAt = now;
            optOut.persist();
        }
    }
}
