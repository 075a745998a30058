package io.shopscore.ops;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness includes the database: an instance that cannot reach it cannot accept a single review,
 * so it should be replaced rather than left in rotation. (Readiness has Quarkus's own database
 * check.) The check is cheap: one pooled connection's validity, with a 2 s limit.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {

    private final DataSource dataSource;

    public DatabaseLiveness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2)
                    ? HealthCheckResponse.up("database")
                    : HealthCheckResponse.named("database").down().withData("reason", "connection not valid").build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("reason", "no connection").build();
        }
    }
}
