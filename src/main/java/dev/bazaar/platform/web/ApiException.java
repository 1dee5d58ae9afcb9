package dev.bazaar.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, raised by the web layer itself (a controller, a page, request validation) with
 * its HTTP status, and rendered by {@link ApiExceptionHandler} as the error envelope with this status and code.
 * Modules throw {@link dev.bazaar.platform.DomainException} instead, which knows no HTTP.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<ErrorDetail> details;

    public ApiException(HttpStatus status, String code, String message, List<ErrorDetail> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException badRequest(String code, String message, List<ErrorDetail> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, details);
    }

    /** 400 VALIDATION_FAILED with one detail: the shape every module uses for a bad field. */
    public static ApiException invalidField(String field, String message) {
        return badRequest(
                "VALIDATION_FAILED", "The request has invalid fields", List.of(new ErrorDetail(field, message)));
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
