/**
 * Checkout and orders: idempotent order placement from a cart, price snapshots, the status timeline and
 * cancellation. Owns the {@code orders} and {@code order_items} tables and publishes order events
 * ({@code order-events}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Order")
package dev.bazaar.order;
