package dev.bazaar.platform.security;

/** Roles, each including the ones below it: an admin can do what a seller can, a seller what a customer can. */
public enum Role {
    CUSTOMER,
    SELLER,
    ADMIN
}
