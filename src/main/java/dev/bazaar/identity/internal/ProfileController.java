package dev.bazaar.identity.internal;

import dev.bazaar.identity.UserProfile;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/users/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profile", description = "The signed-in user's own profile and saved addresses")
class ProfileController {

    private final AccountService accounts;

    ProfileController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "My profile")
    ApiResponse<UserProfile> me(CurrentUser user) {
        return ApiResponse.of(accounts.profile(user.id()));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Update my name, phone and saved addresses",
            description = "Fields left out keep their value; 'addresses' replaces the whole list.")
    ApiResponse<UserProfile> update(CurrentUser user, @Valid @RequestBody Requests.UpdateProfile request) {
        return ApiResponse.of(accounts.updateProfile(user.id(), request));
    }
}
