package dev.bazaar.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The store's first admin ({@code bazaar.admin.*}), made sure of at every start.
 *
 * @param email the admin's email; empty: no admin is made
 * @param password the admin's password; empty: one is generated and logged once
 * @param name the admin's display name
 */
@ConfigurationProperties("bazaar.admin")
record AdminProperties(
        @DefaultValue("") String email,
        @DefaultValue("") String password,
        @DefaultValue("Store admin") String name) {}
