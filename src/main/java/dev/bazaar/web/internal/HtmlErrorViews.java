package dev.bazaar.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The HTML error page for browser requests that failed outside a page controller (unknown path, refused CSRF
 * token, missing role): the same {@code error} template, with only the status and a reason, never a trace.
 */
@Component
class HtmlErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri && uri.startsWith("/api/")) {
            return null;
        }
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        page.put("reason", request.getAttribute(ForbiddenPage.REASON_ATTRIBUTE));
        return new ModelAndView("error", page, status);
    }
}
