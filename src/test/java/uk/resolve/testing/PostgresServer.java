/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from Maven for a test class, set up as a partnership's server
 * is: people sign in with a password, only the test's own superuser ({@code postgres}) is trusted.
 * Register it on a static field with {@code @RegisterExtension}; it starts before the class's
 * {@code @BeforeAll} methods (which can add roles and databases) and stops after its tests.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres pg;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path data = Files.createTempDirectory("resolve-test-pg");
        pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        Files.writeString(data.resolve("pg_hba.conf"), """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        execute("postgres", "SELECT pg_reload_conf()");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }

    /** The port the server listens on, on localhost. */
    public int port() {
        return pg.getPort();
    }

    /** The JDBC address of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** A connection to {@code database} as the trusted superuser. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** Runs each statement in turn on {@code database} as the superuser. */
    public void execute(String database, String... statements) throws SQLException {
        try (Connection c = superuser(database); var st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    /** Adds a role that signs in with {@code password}. */
    public void role(String name, String password) throws SQLException {
        execute("postgres", "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
    }

    /** A new database owned by {@code owner}, as a partnership's administrator makes it; its JDBC address. */
    public String database(String name, String owner) throws SQLException {
        execute("postgres", "CREATE DATABASE " + name + " OWNER " + owner);
        return url(name);
    }
}
