package dev.bazaar.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

/** A page that needs a signed-in shopper sends a visitor to sign in, and back to the page afterwards. */
class SignInRedirect implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String back = "GET".equals(request.getMethod()) ? request.getRequestURI() : "/";
        String target = UriComponentsBuilder.fromPath("/signin")
                .queryParam("next", SafeRedirects.localPath(back))
                .encode()
                .build()
                .toUriString();
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(target);
    }
}
