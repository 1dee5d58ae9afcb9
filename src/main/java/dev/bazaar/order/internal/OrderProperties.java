package dev.bazaar.order.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checkout's settings ({@code bazaar.order.*}); the policies behind them are in docs/security.md.
 *
 * @param reservationTtl how long an unpaid checkout holds its stock
 * @param maxPendingOrders per shopper: unpaid (pending) orders at once
 * @param maxHeldUnits per shopper: units those pending orders hold together
 * @param maxTotal the largest order subtotal and total accepted (never more than the amount columns hold)
 * @param reconcileEvery how often checkouts interrupted after the charge are looked for
 * @param reconcileGrace a pending order younger than this is left to its own checkout request
 */
@ConfigurationProperties("bazaar.order")
record OrderProperties(
        @DefaultValue("15m") Duration reservationTtl,
        @DefaultValue("3") int maxPendingOrders,
        @DefaultValue("200") int maxHeldUnits,
        @DefaultValue("99999999.99") BigDecimal maxTotal,
        @DefaultValue("1m") Duration reconcileEvery,
        @DefaultValue("2m") Duration reconcileGrace) {}
