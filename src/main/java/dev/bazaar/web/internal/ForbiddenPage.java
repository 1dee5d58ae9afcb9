package dev.bazaar.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** A refused page (a missing or wrong CSRF token, or a role the user lacks) shows the 403 error page. */
class ForbiddenPage implements AccessDeniedHandler {

    static final String REASON_ATTRIBUTE = ForbiddenPage.class.getName() + ".reason";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        request.setAttribute(REASON_ATTRIBUTE, denied instanceof CsrfException ? "csrf" : "role");
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
