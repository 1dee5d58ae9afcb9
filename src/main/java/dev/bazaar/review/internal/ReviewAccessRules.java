package dev.bazaar.review.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Anyone may read reviews; writing, editing, deleting and voting fall under the default (signed in). */
@Component
class ReviewAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/v1/products/*/reviews").permitAll();
    }
}
