package io.flextime.backup.store;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The backup's own connection to PostgreSQL: the backup role {@code flextime_backup} (V71: not a
 * superuser, BYPASSRLS), because a backup reads every tenant's rows and row-level security would hide
 * them from {@code flextime_app}. Reads go through the reactive pool of the named
 * datasource {@code backup}; restores use JDBC to any database of the same server (COPY FROM STDIN,
 * which the reactive client does not speak).
 */
@ApplicationScoped
public class BackupDatabase {
    private final Pool pool;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String sslMode;
    private final Optional<String> caFile;

    public BackupDatabase(@ReactiveDataSource("backup") Pool pool,
            @ConfigProperty(name = "quarkus.datasource.\"backup\".reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.\"backup\".username") String user,
            @ConfigProperty(name = "quarkus.datasource.\"backup\".password") String password,
            @ConfigProperty(name = "flextime.db.ssl-mode") String sslMode,
            @ConfigProperty(name = "flextime.db.ca-file") Optional<String> caFile) {
        this.pool = pool;
        this.sslMode = sslMode;
        this.caFile = caFile.filter(f -> !f.isBlank());
        URI uri = URI.create(url.replaceFirst("^vertx-reactive:", ""));
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.database = uri.getPath().replaceFirst("^/", "");
        this.user = user;
        this.password = password;
    }

    public Pool pool() {
        return pool;
    }

    /** The database this function backs up. */
    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    /** A JDBC connection as the backup role to a database of the same server (restore targets, scratch). */
    public Connection connect(String db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "flextime-backup");
        // The same TLS as the reactive pool: verify-full against the RDS CA bundle in AWS.
        props.setProperty("sslmode", sslMode);
        caFile.ifPresent(f -> props.setProperty("sslrootcert", f));
        // The driver directly: DriverManager may not see a driver registered by another class loader.
        Connection c = new org.postgresql.Driver().connect(jdbcUrl(db), props);
        if (c == null) {
            throw new SQLException("no connection for " + jdbcUrl(db));
        }
        return c;
    }
}
