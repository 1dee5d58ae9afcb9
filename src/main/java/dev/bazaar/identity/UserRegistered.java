package dev.bazaar.identity;

import java.time.Instant;
import java.util.UUID;

/** A new customer account exists. Published in the registration transaction. */
public record UserRegistered(UUID userId, String email, String name, Instant registeredAt) {}
