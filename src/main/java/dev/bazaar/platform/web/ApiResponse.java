package dev.bazaar.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The success envelope of every endpoint: {@code {"success": true, "data": ...}}, or {@code {"success": true,
 * "message": ...}} when there is nothing to return.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String message) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static ApiResponse<Void> message(String message) {
        return new ApiResponse<>(true, null, message);
    }
}
