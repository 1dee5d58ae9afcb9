package dev.bazaar.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Origins allowed to call the API from a browser ({@code bazaar.cors.allowed-origins}); never a wildcard. */
@ConfigurationProperties("bazaar.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (allowedOrigins.stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalArgumentException(
                    "bazaar.cors.allowed-origins must list exact origins: credentials are allowed, so '*' is not");
        }
    }
}
