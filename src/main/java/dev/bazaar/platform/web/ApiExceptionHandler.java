package dev.bazaar.platform.web;

import dev.bazaar.platform.DomainException;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every exception that leaves a controller to the error envelope with the right status. Anything not
 * anticipated becomes a 500 that carries only an error id; the id and the stack trace go to the log.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Jackson's wording for a {@code @JsonProperty(required = true)} field left out of the body. */
    private static final Pattern MISSING_REQUIRED_PROPERTY =
            Pattern.compile("Missing required creator property '([^']+)'");

    /** A module's refusal: the status follows its kind, the code, message and details are the module's. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ErrorResponse> domain(DomainException ex) {
        return respond(DomainStatus.of(ex.kind()), ex.code(), ex.getMessage(), ex.details());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorResponse> invalidBody(MethodArgumentNotValidException ex) {
        List<ErrorDetail> details = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            details.add(new ErrorDetail(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> details.add(new ErrorDetail(error.getObjectName(), error.getDefaultMessage())));
        return validationFailed(details);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorResponse> invalidParameters(HandlerMethodValidationException ex) {
        List<ErrorDetail> details = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> details.add(new ErrorDetail(
                            error instanceof FieldError fieldError ? fieldError.getField() : name,
                            error.getDefaultMessage())));
        });
        return validationFailed(details);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorResponse> constraintViolation(ConstraintViolationException ex) {
        List<ErrorDetail> details = ex.getConstraintViolations().stream()
                .map(v -> new ErrorDetail(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationFailed(details);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException ex) {
        // first: a body cut off at its cap fails inside Jackson, which reports it as a bad value of the field it
        // was reading (a chunked body over the cap was answered "email has the wrong type or format")
        Optional<ResponseEntity<ErrorResponse>> tooLarge = cutOffAtItsCap(ex);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return validationFailed(List.of(new ErrorDetail(unknown.getPropertyName(), "unknown field")));
            }
            if (cause instanceof MismatchedInputException mismatch) {
                Matcher missing = MISSING_REQUIRED_PROPERTY.matcher(String.valueOf(mismatch.getOriginalMessage()));
                if (missing.find()) {
                    return validationFailed(List.of(new ErrorDetail(missing.group(1), "is required")));
                }
            }
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return validationFailed(List.of(new ErrorDetail(path(jackson), "has the wrong type or format")));
            }
        }
        return respond(
                HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Request body is missing or is not valid JSON", null);
    }

    /** A multipart body over its cap (the module's {@link RequestBodyLimit}, or Spring's multipart limits). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorResponse> multipart(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The upload is too large", List.of());
        }
        return cutOffAtItsCap(ex)
                .orElseGet(() -> respond(
                        HttpStatus.BAD_REQUEST,
                        "MALFORMED_REQUEST",
                        "The request is not a valid multipart body",
                        null));
    }

    /** The 413 for a body {@link RequestBodyLimitFilter} cut off, wherever in the causes it is. */
    private Optional<ResponseEntity<ErrorResponse>> cutOffAtItsCap(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return Optional.of(
                        respond(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge.getMessage(), List.of()));
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorResponse> missingParameter(MissingServletRequestParameterException ex) {
        return missing("Parameter", ex.getParameterName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorResponse> missingHeader(MissingRequestHeaderException ex) {
        return missing("Header", ex.getHeaderName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorResponse> missingPart(MissingServletRequestPartException ex) {
        return missing("Part", ex.getRequestPartName());
    }

    /** Names what is missing in the client's words ("Parameter 'q' is required"), never Java's. */
    private ResponseEntity<ErrorResponse> missing(String kind, String name) {
        return respond(
                HttpStatus.BAD_REQUEST,
                "MISSING_PARAMETER",
                kind + " '" + name + "' is required",
                List.of(new ErrorDetail(name, "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return validationFailed(List.of(new ErrorDetail(ex.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
        return respond(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "Content type " + ex.getContentType() + " is not supported; send application/json",
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorResponse> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "This endpoint answers application/json", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
        return respond(
                HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", ex.getMethod() + " is not allowed here", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorResponse> noResource(NoResourceFoundException ex) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", "No endpoint at /" + ex.getResourcePath(), null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ErrorResponse> duplicate(DuplicateKeyException ex) {
        log.info("Duplicate key: {}", ex.getMostSpecificCause().getMessage());
        return respond(HttpStatus.CONFLICT, "CONFLICT", "The resource already exists", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorResponse> accessDenied(AccessDeniedException ex) {
        return respond(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this", null);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ErrorResponse> unauthenticated(AuthenticationException ex) {
        return respond(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication is required", null);
    }

    /**
     * The client closed or reset the connection while its answer was being written: nothing can be sent, and it is
     * no fault of ours. Logged at DEBUG only, so clients that hang up cannot flood the log with stack traces.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    ResponseEntity<ErrorResponse> clientGone(AsyncRequestNotUsableException ex) {
        log.debug("The client went away before its response was written: {}", ex.toString());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception ex) {
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            log.debug("The client went away before its response was written: {}", ex.toString());
            return null;
        }
        if (DatabaseUnavailable.causedBy(ex)) {
            log.warn("Database unavailable: {}", ex.toString());
            ResponseEntity<ErrorResponse> answer = respond(
                    HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.CODE, DatabaseUnavailable.MESSAGE, List.of());
            return answer == null
                    ? null
                    : ResponseEntity.status(answer.getStatusCode())
                            .headers(answer.getHeaders())
                            .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                            .body(answer.getBody());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unhandled error, errorId={}", errorId, ex);
        return envelope(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorResponse.of(
                        "INTERNAL_ERROR",
                        "Something went wrong on our side; quote the error id when you report it",
                        List.of(),
                        errorId));
    }

    private static ResponseEntity<ErrorResponse> validationFailed(List<ErrorDetail> details) {
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields", details);
    }

    private static ResponseEntity<ErrorResponse> respond(
            HttpStatus status, String code, String message, List<ErrorDetail> details) {
        return envelope(status, ErrorResponse.of(code, message, details, null));
    }

    /**
     * The envelope as JSON whatever the {@code Accept} header asks for: the content type is set on the response,
     * so no content negotiation can turn an API error into a 406. A browser asking for HTML outside
     * {@code /api/} is instead sent to the container's error page, where an HTML error view may answer
     * ({@link ErrorPages}).
     */
    private static ResponseEntity<ErrorResponse> envelope(HttpStatus status, ErrorResponse body) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getResponse() != null
                && ErrorPages.htmlWanted(current.getRequest())) {
            try {
                current.getResponse().sendError(status.value());
                return null;
            } catch (IOException | IllegalStateException committed) {
                // the response is already on its way: fall back to the envelope
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
