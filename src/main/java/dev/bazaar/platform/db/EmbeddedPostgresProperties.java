package dev.bazaar.platform.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL server used when no {@code spring.datasource.url} is configured
 * ({@code bazaar.embedded-postgres.*}). {@code durable=false} turns off fsync for throwaway test databases.
 */
@ConfigurationProperties("bazaar.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, String database, boolean durable) {}
