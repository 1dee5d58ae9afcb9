package dev.bazaar.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Who gets which kind of error answer. Everything under {@code /api/} and every client that does not ask for HTML
 * gets the JSON envelope. A browser asking for {@code text/html} on any other path (the storefront's pages) is
 * handed to the servlet container's error page, {@code /error}, where an {@code ErrorViewResolver} (for example
 * the templates {@code error/404.html}, {@code error/5xx.html}) may render HTML; without one it gets the envelope
 * too.
 */
public final class ErrorPages {

    public static final String API_PREFIX = "/api/";

    private ErrorPages() {}

    /** True when an HTML error page may answer: not an API path, and {@code text/html} explicitly accepted. */
    public static boolean htmlWanted(HttpServletRequest request) {
        String path = originalPath(request);
        if (path == null || path.startsWith(API_PREFIX)) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> !type.isWildcardType() && type.includes(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** The path the client asked for, also while the container forwards an error to {@code /error}. */
    static String originalPath(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri instanceof String text ? text : request.getRequestURI();
        if (uri == null) {
            return null;
        }
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The envelope's code for an HTTP status that no handler gave a more precise one. */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 431 -> "HEADERS_TOO_LARGE";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /** A message for a status, in words a client can act on and without any server internals. */
    public static String messageOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed or its URL is not allowed";
            case 401 -> "Authentication is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Nothing here";
            case 405 -> "This method is not allowed here";
            case 406 -> "This endpoint answers application/json";
            case 413 -> "The request is too large";
            case 414 -> "The URL is too long";
            case 431 -> "The request headers are too large";
            case 503 -> "The service is unavailable; try again shortly";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield status >= 500
                        ? "Something went wrong on our side"
                        : known != null ? known.getReasonPhrase() : "The request was refused";
            }
        };
    }
}
