package dev.bazaar.catalog.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Anyone may browse; changes need a signed-in caller whose role the services check. */
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
    }
}
