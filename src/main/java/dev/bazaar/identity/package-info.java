/**
 * Accounts and sign-in: registration, login with Argon2id-hashed passwords, short-lived JWT access tokens with
 * rotating refresh tokens (one family per session, reuse revokes the family), logout, profiles with saved
 * shipping addresses, and role administration. Owns the {@code users}, {@code user_addresses},
 * {@code auth_sessions} and {@code refresh_tokens} tables, publishes {@link
 * dev.bazaar.identity.UserRegistered} and answers other modules' questions about customers (contacts, saved addresses, display names,
 * imported accounts) through {@link dev.bazaar.identity.Customers}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.bazaar.identity;
