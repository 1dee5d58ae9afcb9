/**
 * Payments: charges and refunds of orders by card (through a gateway port, {@code TestCardGateway} being the
 * sandbox adapter), gift card (a balance debited and credited atomically) and cash on delivery (due, nothing
 * taken). Every transaction is a row of {@code payments}; every call of {@link dev.bazaar.payment.Payments} is
 * idempotent on the caller's key. Gateway calls have a timeout and a circuit breaker, and surface both as
 * {@link dev.bazaar.payment.PaymentUnavailableException}. Owns {@code payments}, {@code gift_cards} and the test
 * gateway's {@code test_gateway_operations}; admins issue gift cards under {@code /api/v1/admin/gift-cards}.
 * Orders call it through its API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package dev.bazaar.payment;
