package dev.bazaar.web.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.DomainStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages render the HTML error page with the status the API would answer (the API's own
 * controllers keep their JSON envelope). Unexpected errors show an id to quote, never a stack trace.
 */
@ControllerAdvice(basePackages = "dev.bazaar.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletResponse response) {
        return page(DomainStatus.of(e.kind()).value(), e.getMessage(), response);
    }

    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        org.springframework.validation.BindException.class
    })
    ModelAndView badRequest(Exception e, HttpServletResponse response) {
        return page(400, null, response);
    }

    /** An upload over the size limit never reaches the controller: the multipart parser refuses it. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ModelAndView upload(Exception e, HttpServletResponse response) {
        return page(413, null, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security's handlers answer these (sign-in redirect, 403 page)
        }
        String errorId = java.util.UUID.randomUUID().toString();
        log.error("Page {} failed; errorId={}", request.getRequestURI(), errorId, e);
        ModelAndView page = page(500, null, response);
        page.addObject("errorId", errorId);
        return page;
    }

    private static ModelAndView page(int status, String message, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("detail", message);
        return page;
    }
}
