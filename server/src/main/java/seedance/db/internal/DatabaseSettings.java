package seedance.db.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PostgreSQL when {@code url} (SEEDANCE_DATABASE_URL) is set; otherwise a SQLite file in the data
 * directory.
 */
@ConfigurationProperties("seedance.database")
record DatabaseSettings(String url, String username, String password, int poolSize) {}
