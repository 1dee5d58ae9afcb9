package dev.bazaar.web.internal;

import dev.bazaar.platform.ratelimit.RateLimitFilter;
import dev.bazaar.platform.security.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the browser pages: everything but the API, the actuator and the API docs, which keep the stateless
 * token chain. Pages use a cookie session (HttpOnly, SameSite=Lax, Secure over HTTPS: see application.yml), CSRF
 * tokens on every form and htmx request, and a Content Security Policy that allows no inline script.
 */
@Configuration
class WebSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository browserSecurityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * The session check belongs to the page chain only: as a bean it would also be registered as a servlet filter
     * and run once more on every request, API calls included.
     */
    @Bean
    FilterRegistrationBean<ActiveSessionFilter> activeSessionFilterOnlyInPageChain(ActiveSessionFilter filter) {
        FilterRegistrationBean<ActiveSessionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            SecurityContextRepository browserSecurityContexts,
            ActiveSessionFilter activeSessions,
            RateLimitFilter rateLimitFilter)
            throws Exception {
        http.securityMatcher(pages())
                .securityContext(context -> context.securityContextRepository(browserSecurityContexts))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/assets/**", "/webjars/**", "/favicon.ico")
                            .permitAll();
                    requests.requestMatchers("/error").permitAll();
                    requests.requestMatchers("/admin/**").hasRole(Role.SELLER.name());
                    requests.requestMatchers(
                                    "/account/**",
                                    "/account",
                                    "/orders",
                                    "/orders/**",
                                    "/checkout/**",
                                    "/checkout",
                                    "/signout",
                                    "/products/*/reviews/**",
                                    "/reviews/**")
                            .authenticated();
                    requests.anyRequest().permitAll();
                })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new SignInRedirect())
                        .accessDeniedHandler(new ForbiddenPage()))
                .addFilterBefore(activeSessions, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimitFilter, AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * CSRF tokens in a cookie (double submit), not in a server session: a visitor who only browses holds no
     * session. The page repeats the token in each form and in a meta tag for htmx.
     */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("BAZAAR_CSRF");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        return tokens;
    }

    /** Every path but the API's, the actuator's, the API documentation's and media files'. */
    static RequestMatcher pages() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return new NegatedRequestMatcher(new OrRequestMatcher(
                path.matcher("/api/**"),
                path.matcher("/actuator/**"),
                path.matcher("/v3/api-docs/**"),
                path.matcher("/v3/api-docs"),
                path.matcher("/swagger-ui/**"),
                path.matcher("/swagger-ui.html"),
                path.matcher("/media/**")));
    }
}
