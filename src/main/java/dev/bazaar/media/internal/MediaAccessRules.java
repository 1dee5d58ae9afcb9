package dev.bazaar.media.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import dev.bazaar.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Media files and image lists are public; uploads, reordering and deletion need SELLER (or ADMIN), decided here
 * before the body is read, and the service checks the caller's right to the product (admin endpoints under
 * /api/v1/admin need ADMIN by the platform's rule).
 */
@Component
class MediaAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/media/**", "/api/v1/products/*/images")
                .permitAll();
        requests.requestMatchers(HttpMethod.HEAD, "/media/**").permitAll();
        requests.requestMatchers(HttpMethod.POST, "/api/v1/products/*/images").hasRole(Role.SELLER.name());
        requests.requestMatchers(HttpMethod.PUT, "/api/v1/products/*/images/order")
                .hasRole(Role.SELLER.name());
        requests.requestMatchers(HttpMethod.DELETE, "/api/v1/products/*/images/*")
                .hasRole(Role.SELLER.name());
    }
}
