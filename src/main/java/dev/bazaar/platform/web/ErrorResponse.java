package dev.bazaar.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The failure envelope: {@code {"success": false, "error": {"code", "message", "details", "errorId"}}}. */
public record ErrorResponse(boolean success, Error error) {

    public static ErrorResponse of(String code, String message, List<ErrorDetail> details, String errorId) {
        return new ErrorResponse(false, new Error(code, message, details == null ? List.of() : details, errorId));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, List<ErrorDetail> details, String errorId) {}
}
