package dev.bazaar.cart.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Guests have carts too; merging needs a signed-in user, decided here (401 with {@code WWW-Authenticate}) before
 * the controller runs.
 */
@Component
class CartAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, "/api/v1/cart/merge").authenticated();
        requests.requestMatchers("/api/v1/cart", "/api/v1/cart/**").permitAll();
    }
}
