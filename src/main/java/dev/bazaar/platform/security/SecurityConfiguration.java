package dev.bazaar.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.bazaar.platform.ratelimit.RateLimitFilter;
import dev.bazaar.platform.web.ErrorResponseWriter;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless JWT security for the whole API. Tokens are HS256-signed by us and verified by Spring Security's
 * resource server with the algorithm pinned and {@code iss}, {@code aud}, {@code exp} and the session checked.
 * Modules open their public endpoints through {@link EndpointAccessRules}; everything else needs a token.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ROLES_CLAIM = "roles";
    static final String SESSION_CLAIM = "sid";

    @Bean
    SecretKey jwtSigningKey(JwtProperties properties) {
        return JwtSigningKey.load(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(
            SecretKey jwtSigningKey, JwtProperties properties, ObjectProvider<SessionRevocationCheck> sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()))));
        return new VerifiedTokenCache(decoder, activeSession(sessions));
    }

    private static OAuth2TokenValidator<Jwt> activeSession(ObjectProvider<SessionRevocationCheck> sessions) {
        OAuth2Error revoked = new OAuth2Error("invalid_token", "The session of this token has ended", null);
        return jwt -> {
            String sid = jwt.getClaimAsString(SESSION_CLAIM);
            SessionRevocationCheck check = sessions.getIfAvailable();
            if (sid == null || check == null) {
                return OAuth2TokenValidatorResult.failure(revoked);
            }
            try {
                return check.isActive(UUID.fromString(sid))
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(revoked);
            } catch (IllegalArgumentException malformed) {
                return OAuth2TokenValidatorResult.failure(revoked);
            }
        };
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name())
                .implies(Role.SELLER.name())
                .role(Role.SELLER.name())
                .implies(Role.CUSTOMER.name())
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(
                List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Cart-Token", "X-Request-Id"));
        config.setExposedHeaders(List.of("X-Request-Id", "X-Cart-Token", "Retry-After", "X-RateLimit-Remaining"));
        config.setAllowCredentials(true);
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    /**
     * No observations of Spring Security's own: with any observation registry it wraps each filter of its chains in
     * an observing decorator (a request attribute set, read and removed per filter), even when
     * management.observations.enable.spring.security=false turns the observations themselves into no-ops. On the
     * cheapest API call that wrapping took a third of the time (docs/benchmarks.md). HTTP request metrics stay.
     */
    @Bean
    static SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The rate limiter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterOutsideSecurityChain(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * A URL the firewall refuses ({@code //}, {@code ;}, encoded slashes, ...) is a 400 in the API's envelope, not
     * Spring Boot's default error body.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ErrorResponseWriter errors) {
        return (request, response, rejected) -> {
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            errors.write(response, HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The URL is not allowed");
        };
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            ErrorResponseWriter errors,
            RateLimitFilter rateLimitFilter,
            List<EndpointAccessRules> moduleRules)
            throws Exception {
        SecurityErrorHandlers handlers = new SecurityErrorHandlers(errors);
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> {})
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    requests.requestMatchers("/error").permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    requests.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());
                    moduleRules.forEach(rules -> rules.configure(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                                .authenticationEntryPoint(handlers)
                                .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .addFilterAfter(rateLimitFilter, BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}
