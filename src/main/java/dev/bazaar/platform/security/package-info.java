/**
 * Authentication and authorization shared by every module: JWT issuing and verification keys, roles, the
 * signed-in {@link dev.bazaar.platform.security.CurrentUser}, and {@link
 * dev.bazaar.platform.security.EndpointAccessRules} through which each module declares its public endpoints.
 */
@org.springframework.modulith.NamedInterface("security")
package dev.bazaar.platform.security;
