/**
 * Payments behind a gateway port (card test gateway, cash on delivery, gift cards): authorize, capture and
 * refund, each recorded as a transaction. Owns the payment tables; orders call it through its API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package dev.bazaar.payment;
