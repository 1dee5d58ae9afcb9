package dev.bazaar.identity.internal;

import dev.bazaar.platform.security.EndpointAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Signing up, in and out needs no token; the profile endpoints fall under the default (signed in). */
@Component
class IdentityAccessRules implements EndpointAccessRules {

    @Override
    public void configure(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
                                    org.springframework.security.config.annotation.web.builders.HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    requests) {
        requests.requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/auth/register",
                        "/api/v1/auth/login",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/logout")
                .permitAll();
    }
}
