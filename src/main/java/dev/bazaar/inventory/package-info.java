/**
 * Stock per product: on-hand and reserved quantities, reservations with expiry, movement history and
 * low-stock alerts ({@code inventory-events}). Owns the {@code inventory_items} table; every other module
 * reads availability through this module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package dev.bazaar.inventory;
