package dev.bazaar.media.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Media files and image lists are public; uploads, reordering and deletion need a signed-in caller, whose right to
 * the product the service checks (admin endpoints under /api/v1/admin need ADMIN by the platform's rule).
 */
@Component
class MediaAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/media/**", "/api/v1/products/*/images")
                .permitAll();
        requests.requestMatchers(HttpMethod.HEAD, "/media/**").permitAll();
    }
}
