package dev.bazaar.platform;

import dev.bazaar.platform.web.ErrorDetail;
import java.util.List;

/**
 * A refusal a module's business rules make, in the module's words: what kind of refusal it is, a stable {@code code}
 * a client can act on, a message and the fields or items at fault. Modules throw it (or a subclass of their own)
 * without knowing HTTP; {@code platform.web} renders it as the API envelope (the status follows the {@link Kind})
 * and the pages as their error page or form message.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, from the caller's side; each kind has one HTTP status in the API. */
    public enum Kind {
        /** The request itself is wrong (a field, a combination of fields): 400. */
        INVALID_REQUEST,
        /** What the request names does not exist, or is not the caller's to see: 404. */
        NOT_FOUND,
        /** The request clashes with the current state (a held stock, an illegal transition): 409. */
        CONFLICT,
        /** The request is well formed but cannot be carried out (an unknown coupon, a refund too large): 422. */
        UNPROCESSABLE,
        /** The caller has not proved who they are (a wrong password, a spent refresh token): 401. */
        UNAUTHENTICATED,
        /** The caller is known but the rule gives this to others (a customer managing products): 403. */
        FORBIDDEN,
        /** What was sent is more than the module takes in (an image of too many pixels): 413. */
        TOO_LARGE,
        /** What was sent is of a type the module does not take (a file that is not a JPEG, PNG or WebP): 415. */
        UNSUPPORTED_TYPE,
        /** The caller must wait before trying again (repeated wrong passwords): 429. */
        TOO_MANY_ATTEMPTS
    }

    private final Kind kind;
    private final String code;
    private final transient List<ErrorDetail> details;

    public DomainException(Kind kind, String code, String message, List<ErrorDetail> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public static DomainException invalidRequest(String code, String message, List<ErrorDetail> details) {
        return new DomainException(Kind.INVALID_REQUEST, code, message, details);
    }

    /** VALIDATION_FAILED with one detail: the shape every module uses for a bad field. */
    public static DomainException invalidField(String field, String message) {
        return invalidRequest(
                "VALIDATION_FAILED", "The request has invalid fields", List.of(new ErrorDetail(field, message)));
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException unprocessable(String code, String message) {
        return new DomainException(Kind.UNPROCESSABLE, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(Kind.UNAUTHENTICATED, code, message);
    }

    /** FORBIDDEN, the code every module uses when a role or ownership rule refuses the caller. */
    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, "FORBIDDEN", message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
