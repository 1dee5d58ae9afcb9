package dev.bazaar.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its own endpoints (which are public, which need a role). Every bean of this type
 * is applied before the default rule that everything else needs a signed-in user.
 */
@FunctionalInterface
public interface EndpointAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
