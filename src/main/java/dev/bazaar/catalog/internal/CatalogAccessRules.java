package dev.bazaar.catalog.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import dev.bazaar.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Anyone may browse. Changing the category tree needs ADMIN and changing products SELLER (or ADMIN), decided here
 * before the body is read, so a caller without the role gets 403 whatever they send, never a validation error;
 * the services still check which products a seller may change.
 */
@Component
class CatalogAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/products",
                        "/api/v1/products/**",
                        "/api/v1/categories",
                        "/api/v1/categories/**")
                .permitAll();
        requests.requestMatchers(HttpMethod.POST, "/api/v1/categories").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.PUT, "/api/v1/categories/**").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.DELETE, "/api/v1/categories/**").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.POST, "/api/v1/products").hasRole(Role.SELLER.name());
        requests.requestMatchers(HttpMethod.PUT, "/api/v1/products/*").hasRole(Role.SELLER.name());
        requests.requestMatchers(HttpMethod.DELETE, "/api/v1/products/*").hasRole(Role.SELLER.name());
    }
}
