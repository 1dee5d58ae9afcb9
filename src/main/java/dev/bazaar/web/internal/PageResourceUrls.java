package dev.bazaar.web.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The filter that turns {@code /assets/app.css} into its content-hashed URL in the pages (Thymeleaf's
 * {@code @{...}}), registered for pages only. Spring Boot's own registration wraps the request and the response of
 * every request, API calls included, which never link to an asset: on the cheapest API call that wrapping was a
 * measurable share of the time (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class PageResourceUrls {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    private static final class PagesOnly extends ResourceUrlEncodingFilter {

        /** The paths the page chain secures ({@link WebSecurityConfiguration#pages()}). */
        private final RequestMatcher pages = WebSecurityConfiguration.pages();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && !pages.matches(http)) {
                chain.doFilter(request, response);
                return;
            }
            super.doFilter(request, response, chain);
        }
    }
}
