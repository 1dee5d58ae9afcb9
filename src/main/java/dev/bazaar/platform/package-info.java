/**
 * Platform: what every module stands on and no module owns. The refusal a module throws ({@link
 * dev.bazaar.platform.DomainException}), an amount with its currency ({@link dev.bazaar.platform.Money}), the API envelope and error mapping ({@code platform.web}), authentication and roles ({@code platform.security}), the embedded PostgreSQL server
 * used when no database is configured, rate limiting, request ids and the OpenAPI description. It holds no
 * business data and depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.bazaar.platform;
