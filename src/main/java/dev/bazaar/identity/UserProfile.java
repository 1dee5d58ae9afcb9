package dev.bazaar.identity;

import dev.bazaar.platform.security.Role;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A user as the API shows them: never with a password hash. */
public record UserProfile(
        UUID id,
        String email,
        String name,
        String phone,
        Role role,
        List<Address> addresses,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
