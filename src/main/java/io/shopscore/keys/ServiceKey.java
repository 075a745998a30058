package io.shopscore.keys;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A secret this service generated for itself, kept in the database so that every instance shares it. */
@Entity
@Table(name = "service_key")
class ServiceKey extends PanacheEntityBase {

    @Id
    @Column(length = 40)
    private String name;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected ServiceKey() {
    }

    static ServiceKey of(String name, String secret, Instant now) {
        ServiceKey key = new ServiceKey();
        key.name = name;
        key.secret = secret;
        key.createdAt = now;
        return key;
    }

    static Optional<ServiceKey> named(String name) {
        return findByIdOptional(name);
    }

    String secret() {
        return secret;
    }
}
