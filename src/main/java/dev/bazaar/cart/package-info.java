/**
 * Shopping carts of guests and signed-in users: items, live pricing against the catalog, totals, discounts,
 * merge on login and expiry. Owns the {@code carts} and {@code cart_items} tables and publishes
 * {@code add_to_cart}/{@code remove_from_cart} behaviour events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cart")
package dev.bazaar.cart;
