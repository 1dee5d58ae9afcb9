package dev.bazaar.platform.security;

import dev.bazaar.platform.web.ErrorResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Renders 401 and 403 from the security filters in the API's error envelope. */
final class SecurityErrorHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponseWriter errors;

    SecurityErrorHandlers(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        errors.write(
                response,
                HttpStatus.UNAUTHORIZED,
                tokenSent ? "INVALID_TOKEN" : "UNAUTHORIZED",
                tokenSent
                        ? "The access token is invalid, expired or revoked"
                        : "Sign in and send the access token as 'Authorization: Bearer <token>'");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        errors.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this");
    }
}
