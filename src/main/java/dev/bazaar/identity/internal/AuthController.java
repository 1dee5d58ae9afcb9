package dev.bazaar.identity.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import dev.bazaar.platform.web.ErrorDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authentication", description = "Register, sign in, refresh tokens and sign out")
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;

    AuthController(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The one answer to every valid registration, so it does not tell whether the email had an account. */
    static final String REGISTRATION_ACCEPTED =
            "Registration accepted: sign in with this email and password. If the email already had an account,"
                    + " that account is unchanged and its owner has been told.";

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Create a customer account; then sign in with POST /auth/login",
            description = "202 with the same answer whether or not the email already had an account, so the"
                    + " answer does not reveal which emails are registered.")
    ApiResponse<Void> register(@Valid @RequestBody Requests.Register request) {
        accounts.register(request);
        return ApiResponse.message(REGISTRATION_ACCEPTED);
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sign in with email and password",
            description = "After 5 failed attempts for one email from one address, 429 TOO_MANY_ATTEMPTS with"
                    + " Retry-After: 30 s, doubling per further failure up to 15 min; a success resets it.")
    ApiResponse<AccountService.SignedIn> login(
            @Valid @RequestBody Requests.Login request, HttpServletRequest http, HttpServletResponse response) {
        try {
            return ApiResponse.of(accounts.login(request, http.getRemoteAddr()));
        } catch (SignInBackoff.Blocked blocked) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blocked.retryAfterSeconds()));
            throw blocked;
        }
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Trade a refresh token for a new token pair",
            description = "Each refresh token works once. Presenting a spent one ends the whole session.")
    ApiResponse<AuthTokens> refresh(@Valid @RequestBody Requests.Refresh request) {
        return ApiResponse.of(sessions.refresh(request.refreshToken()));
    }

    @PostMapping(path = "/logout")
    @Operation(
            summary = "Sign out",
            description = "Ends the session of the bearer token and/or of the refresh token in the body.")
    ApiResponse<Void> logout(@Valid @RequestBody(required = false) Requests.Logout request) {
        var caller = CurrentUser.ofCurrentRequest();
        boolean hasRefreshToken = request != null && request.refreshToken() != null;
        if (caller.isEmpty() && !hasRefreshToken) {
            throw DomainException.invalidRequest(
                    "VALIDATION_FAILED",
                    "Send an access token or a refresh token to sign out",
                    List.of(new ErrorDetail("refreshToken", "is required without an access token")));
        }
        caller.ifPresent(user -> sessions.endSession(user.sessionId()));
        if (hasRefreshToken) {
            sessions.endSessionOfRefreshToken(request.refreshToken());
        }
        return ApiResponse.message("Signed out");
    }
}
