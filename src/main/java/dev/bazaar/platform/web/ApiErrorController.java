package dev.bazaar.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page ({@code /error}), replacing Spring Boot's {@code BasicErrorController} and
 * its Whitelabel page. Errors that never reached a controller end here: a URL the security firewall refused, a
 * method the connector does not allow ({@code TRACE}), an exception thrown by a filter, a {@code sendError}.
 *
 * <p>They are answered in the API's envelope, whatever the {@code Accept} header says. Only a browser asking for
 * {@code text/html} outside {@code /api/} gets an HTML page, and only when an {@link ErrorViewResolver} offers
 * one (the storefront's, or Spring Boot's default resolver for {@code templates/error/404.html} and
 * {@code static/error/404.html}). Called directly, {@code /error} is an unknown path: 404.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ApiErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorController.class);

    private final ErrorAttributes errorAttributes;
    private final List<ErrorViewResolver> errorViewResolvers;

    ApiErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
        this.errorAttributes = errorAttributes;
        this.errorViewResolvers = errorViewResolvers;
    }

    @RequestMapping
    Object error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : HttpStatus.NOT_FOUND.value();
        if (ErrorPages.htmlWanted(request)) {
            ModelAndView page = htmlPage(request, status);
            if (page != null) {
                return page;
            }
        }
        if (status >= 500
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.causedBy(failure)) {
            log.warn("Database unavailable: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(ErrorResponse.of(DatabaseUnavailable.CODE, DatabaseUnavailable.MESSAGE, List.of(), null));
        }
        String errorId = null;
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            errorId = UUID.randomUUID().toString();
            log.error("Unhandled error, errorId={}", errorId, failure);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(
                        ErrorPages.codeOf(status),
                        errorId == null
                                ? ErrorPages.messageOf(status)
                                : "Something went wrong on our side; quote the error id when you report it",
                        List.of(),
                        errorId));
    }

    private ModelAndView htmlPage(HttpServletRequest request, int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null || errorViewResolvers.isEmpty()) {
            return null;
        }
        Map<String, Object> model =
                errorAttributes.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        for (ErrorViewResolver resolver : errorViewResolvers) {
            ModelAndView page = resolver.resolveErrorView(request, resolved, model);
            if (page != null) {
                return page;
            }
        }
        return null;
    }
}
