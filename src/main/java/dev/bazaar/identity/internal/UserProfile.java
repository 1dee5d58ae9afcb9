package dev.bazaar.identity.internal;

import dev.bazaar.platform.security.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A user as the API shows them: never with a password hash. */
record UserProfile(
        UUID id,
        String email,
        String name,
        String phone,
        Role role,
        List<Address> addresses,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static UserProfile of(UserRow user, List<Address> addresses) {
        return new UserProfile(
                user.id(),
                user.email(),
                user.name(),
                user.phone(),
                user.role(),
                addresses,
                user.createdAt(),
                user.updatedAt());
    }
}
