package dev.bazaar.recommendation.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Anyone may read recommendations (the products' frequently-bought-together lists are public through the
 * catalog's rule for product GETs); refreshing falls under /api/v1/admin (ADMIN).
 */
@Component
class RecommendationAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/v1/recommendations").permitAll();
    }
}
