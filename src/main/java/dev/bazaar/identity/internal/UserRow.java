package dev.bazaar.identity.internal;

import dev.bazaar.platform.security.Role;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code users}. The password hash never leaves this module. */
record UserRow(
        UUID id,
        String email,
        String name,
        String passwordHash,
        String phone,
        Role role,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
