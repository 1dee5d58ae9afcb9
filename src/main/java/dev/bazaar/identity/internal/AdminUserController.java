package dev.bazaar.identity.internal;

import dev.bazaar.identity.UserProfile;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration; every path under /api/v1/admin needs the ADMIN role. */
@RestController
@RequestMapping(path = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: users", description = "List users and grant roles (ADMIN only)")
class AdminUserController {

    private final AccountService accounts;

    AdminUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "All users, newest first")
    ApiResponse<AccountService.AdminUserList> list(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return ApiResponse.of(accounts.list(page, limit));
    }

    @PutMapping(path = "/{userId}/role", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Grant a role (CUSTOMER, SELLER, ADMIN); ends the user's sessions")
    ApiResponse<UserProfile> changeRole(
            CurrentUser admin, @PathVariable UUID userId, @Valid @RequestBody Requests.ChangeRole request) {
        return ApiResponse.of(accounts.changeRole(admin.id(), userId, request.role()));
    }
}
