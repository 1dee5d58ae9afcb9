package dev.bazaar.identity.internal;

import dev.bazaar.identity.Address;
import dev.bazaar.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the identity endpoints. Each lists exactly what a client may set; unknown fields fail. */
final class Requests {

    private Requests() {}

    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PHONE_SHAPE = "\\+?[0-9 ()-]{6,20}";

    record Register(
            @NotBlank @Size(max = 255) @Email(regexp = EMAIL_SHAPE)
            String email,

            @NotBlank @Size(max = 255) String name,
            @NotBlank @StrongPassword String password,

            @Pattern(regexp = PHONE_SHAPE, message = "must be a phone number")
            String phone) {}

    record Login(
            @NotBlank @Size(max = 255) String email,
            @NotBlank @Size(max = StrongPassword.MAX_LENGTH) String password) {}

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    record Logout(@Size(max = 200) String refreshToken) {}

    /** Fields left out (null) keep their value; an empty address list removes every saved address. */
    record UpdateProfile(
            @Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Pattern(regexp = "|" + PHONE_SHAPE, message = "must be a phone number, or empty to remove it")
            String phone,

            @Size(max = 10) List<@Valid @NotNull Address> addresses) {}

    record ChangeRole(@NotNull Role role) {}
}
