package dev.bazaar.order.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.identity.Customers;
import dev.bazaar.inventory.InsufficientStockException;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderViews.Item;
import dev.bazaar.order.internal.CheckoutOutcome.Declined;
import dev.bazaar.order.internal.CheckoutOutcome.PaymentUnavailable;
import dev.bazaar.order.internal.CheckoutOutcome.Placed;
import dev.bazaar.order.internal.CheckoutOutcome.Rejected;
import dev.bazaar.payment.PaymentUnavailableException;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.security.Sha256;
import dev.bazaar.platform.web.ErrorDetail;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Placing an order, idempotently: claim the key → lock and price the cart, check the rules (one checkout per cart,
 * one currency, confirmed price rises, order size, per-shopper holds), create the order with price snapshots, count
 * its coupon and reserve its stock (one transaction) → charge → confirm, commit the stock, clear the cart, publish and notify
 * (one transaction, {@link CheckoutSettlement}, which {@link InterruptedCheckoutReconciler} also uses to finish a
 * checkout interrupted after the charge). A declined payment cancels the order and releases the stock; the cart stays. If the
 * gateway is unreachable the order stays pending with its stock held: retrying with the same key resumes it,
 * and if nobody does, the hold expires and the order is cancelled. There is never a charge without an order
 * (the order exists before the charge) nor a hold without an order.
 */
@Service
class Checkout {

    /** The most the amount columns (DECIMAL(10, 2)) hold. */
    private static final BigDecimal AMOUNT_COLUMN_MAX = new BigDecimal("99999999.99");

    private final OrderRequestStore requests;
    private final OrderStore orders;
    private final OrderQueries queries;
    private final Carts carts;
    private final Inventory inventory;
    private final Payments payments;
    private final Customers contacts;
    private final CheckoutSettlement settlement;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Duration holdFor;
    private final int maxPendingOrders;
    private final int maxHeldUnits;
    private final BigDecimal maxTotal;

    Checkout(
            OrderRequestStore requests,
            OrderStore orders,
            OrderQueries queries,
            Carts carts,
            Inventory inventory,
            Payments payments,
            Customers contacts,
            CheckoutSettlement settlement,
            TransactionTemplate transactions,
            ObjectMapper json,
            OrderProperties properties) {
        this.requests = requests;
        this.orders = orders;
        this.queries = queries;
        this.carts = carts;
        this.inventory = inventory;
        this.payments = payments;
        this.contacts = contacts;
        this.settlement = settlement;
        this.transactions = transactions;
        this.json = json;
        this.holdFor = properties.reservationTtl();
        this.maxPendingOrders = properties.maxPendingOrders();
        this.maxHeldUnits = properties.maxHeldUnits();
        // never more than the amount columns (DECIMAL(10, 2)) hold
        this.maxTotal = properties.maxTotal().min(AMOUNT_COLUMN_MAX);
    }

    CheckoutOutcome place(UUID userId, String key, PlaceOrderRequest request) {
        // checked before anything is claimed, created or held: a blank token can never pay
        if (request.paymentMethod() == Payments.Method.CARD && isBlank(request.cardToken())
                || request.paymentMethod() == Payments.Method.GIFT_CARD && isBlank(request.giftCardCode())) {
            return Rejected.invalidField(
                    request.paymentMethod() == Payments.Method.CARD ? "cardToken" : "giftCardCode",
                    "is required for this payment method and must not be blank");
        }
        if ((request.shippingAddress() == null) == (request.savedAddressIndex() == null)) {
            return Rejected.invalidField("shippingAddress", "give either shippingAddress or savedAddressIndex");
        }
        PlaceOrderRequest.ShippingAddress address = request.shippingAddress();
        if (address == null) {
            List<Customers.SavedAddress> saved = contacts.savedAddresses(userId);
            if (request.savedAddressIndex() >= saved.size()) {
                return Rejected.invalidField("savedAddressIndex", "no saved address has this index");
            }
            Customers.SavedAddress chosen = saved.get(request.savedAddressIndex());
            address = new PlaceOrderRequest.ShippingAddress(
                    chosen.recipient(),
                    chosen.line1(),
                    chosen.line2(),
                    chosen.city(),
                    chosen.region(),
                    chosen.postalCode(),
                    chosen.country(),
                    chosen.phone());
        }
        PlaceOrderRequest.ShippingAddress shipTo = address;
        String hash = Sha256.hex(json.writeValueAsString(request));
        if (!requests.claim(userId, key, hash)) {
            OrderRequestStore.Claim claim = requests.find(userId, key).orElseThrow();
            if (!claim.requestHash().equals(hash)) {
                return Rejected.unprocessable(
                        "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request", null);
            }
            if (claim.outcome() != null) {
                return claim.outcome();
            }
            if (!requests.resume(userId, key)) {
                return Rejected.conflict(
                        "REQUEST_IN_PROGRESS", "A request with this Idempotency-Key is still being processed", null);
            }
            if (claim.orderId() != null) {
                return finish(userId, key, claim.orderId(), request);
            }
        }
        UUID orderId;
        try {
            orderId = transactions.execute(tx -> {
                // the cart is read under its lock: a second checkout of the same cart waits here, then sees the
                // first one's order (CHECKOUT_IN_PROGRESS) or, once that is paid, an empty cart
                Carts.CheckoutCart cart = carts.lockForCheckout(userId);
                if (cart.isEmpty()) {
                    throw new Refusal(Rejected.unprocessable("EMPTY_CART", "The cart is empty", null), true);
                }
                refuseUnlessPlaceable(userId, key, request, cart);
                UUID id = orders.insert(new OrderStore.NewOrder(
                        userId,
                        cart.lines().stream()
                                .map(line -> new Item(
                                        line.productId(),
                                        line.title(),
                                        line.quantity(),
                                        line.unitPrice(),
                                        line.lineTotal()))
                                .toList(),
                        cart.subtotal(),
                        cart.discount(),
                        cart.shipping(),
                        cart.total(),
                        json.writeValueAsString(shipTo),
                        request.paymentMethod().name()));
                if (cart.couponCode() != null) {
                    carts.redeemCoupon(cart.couponCode(), userId, id).ifPresent(reason -> {
                        throw new Refusal(
                                Rejected.conflict(
                                        "COUPON_LIMIT_REACHED",
                                        "The cart's coupon cannot be used any more: " + reason
                                                + ". Remove it to order without it",
                                        List.of(new ErrorDetail("coupon", cart.couponCode()))),
                                false);
                    });
                }
                Map<UUID, Integer> quantities = new LinkedHashMap<>();
                cart.lines().forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
                inventory.reserve(id, quantities, Instant.now().plus(holdFor));
                requests.attachOrder(userId, key, id);
                return id;
            });
        } catch (Refusal refusal) {
            if (refusal.final_) {
                return complete(userId, key, refusal.outcome);
            }
            // nothing was created or held: the same key may be sent again, with a corrected body if need be
            requests.release(userId, key);
            return refusal.outcome;
        } catch (InsufficientStockException short_) {
            return complete(
                    userId,
                    key,
                    Rejected.conflict(
                            "INSUFFICIENT_STOCK",
                            "Not enough stock for an item in the cart",
                            List.of(new ErrorDetail(
                                    short_.productId().toString(), "available: " + short_.available()))));
        }
        return finish(userId, key, orderId, request);
    }

    /** Charges a created order and settles it either way; safe to repeat (the charge is idempotent). */
    private CheckoutOutcome finish(UUID userId, String key, UUID orderId, PlaceOrderRequest request) {
        OrderStore.OrderRow order = orders.find(orderId).orElseThrow();
        if (order.status() == OrderStatus.CANCELLED) {
            // e.g. retried after the shopper cancelled it or its hold expired: it will never be placed
            return complete(
                    userId,
                    key,
                    Rejected.conflict(
                            "ORDER_CANCELLED",
                            "The order this request created was cancelled; any payment for it was voided or "
                                    + "refunded. Place a new order with a new Idempotency-Key",
                            List.of(new ErrorDetail("orderId", orderId.toString()))));
        }
        if (order.status() != OrderStatus.PENDING) {
            return complete(userId, key, new Placed(queries.details(orderId)));
        }
        Payments.ChargeOutcome outcome;
        try {
            outcome = payments.charge(new Payments.Charge(
                    orderId,
                    userId,
                    "order:" + orderId,
                    order.total(),
                    request.paymentMethod(),
                    request.cardToken(),
                    request.giftCardCode()));
        } catch (PaymentUnavailableException unavailable) {
            requests.suspend(userId, key);
            return new PaymentUnavailable();
        }
        CheckoutSettlement.Result settled = settlement.settle(orderId, outcome);
        if (settled == CheckoutSettlement.Result.UNSETTLED) {
            requests.suspend(userId, key);
            return new PaymentUnavailable();
        }
        if (outcome.status() == Payments.ChargeOutcome.Status.DECLINED
                && settled == CheckoutSettlement.Result.CANCELLED) {
            return complete(userId, key, new Declined(outcome.declineReason()));
        }
        // confirmed, or settled otherwise (by the reconciler first, or cancelled meanwhile): answer what it is now
        return finish(userId, key, orderId, request);
    }

    /**
     * The rules an order must pass before it is created, checked under the cart's lock (so one shopper's
     * checkouts are checked one after the other). Throws a {@link Refusal} naming the rule broken.
     */
    private void refuseUnlessPlaceable(UUID userId, String key, PlaceOrderRequest request, Carts.CheckoutCart cart) {
        orders.unansweredPendingOrder(userId, key, cart.changedAt()).ifPresent(other -> {
            throw new Refusal(
                    Rejected.conflict(
                            "CHECKOUT_IN_PROGRESS",
                            "This cart is already being checked out by order " + other
                                    + "; wait for its answer, retry it with its Idempotency-Key, or cancel it",
                            List.of(new ErrorDetail("orderId", other.toString()))),
                    false);
        });
        List<ErrorDetail> otherCurrency = cart.lines().stream()
                .filter(line -> !line.currency().equals(cart.currency()))
                .map(line -> new ErrorDetail(
                        line.productId().toString(),
                        "priced in " + line.currency() + ", the cart in " + cart.currency()))
                .toList();
        if (!otherCurrency.isEmpty()) {
            throw new Refusal(
                    Rejected.conflict(
                            "CURRENCY_MISMATCH",
                            "The cart is in " + cart.currency()
                                    + " but some products are now priced in another currency; remove them",
                            otherCurrency),
                    false);
        }
        List<ErrorDetail> raised = cart.lines().stream()
                .filter(line -> line.unitPrice().compareTo(line.priceWhenAdded()) > 0)
                .map(line -> new ErrorDetail(
                        line.productId().toString(),
                        "price was " + line.priceWhenAdded().amount().toPlainString() + ", now "
                                + line.unitPrice().amount().toPlainString()))
                .toList();
        boolean totalConfirmed = request.expectedTotal() != null
                && request.expectedTotal().compareTo(cart.total().amount()) == 0;
        boolean totalContradicted = request.expectedTotal() != null && !totalConfirmed;
        if (totalContradicted
                || !raised.isEmpty() && !totalConfirmed && !Boolean.TRUE.equals(request.acceptPriceChanges())) {
            List<ErrorDetail> details = new java.util.ArrayList<>(raised);
            details.add(new ErrorDetail("total", "now " + cart.total()));
            throw new Refusal(
                    Rejected.conflict(
                            "PRICE_CHANGED",
                            "Prices changed since these products were added to the cart; confirm the new "
                                    + "total (expectedTotal) to order at the current prices",
                            details),
                    false);
        }
        if (cart.subtotal().amount().compareTo(maxTotal) > 0
                || cart.total().amount().compareTo(maxTotal) > 0) {
            throw new Refusal(
                    Rejected.unprocessable(
                            "ORDER_TOO_LARGE",
                            "An order may total at most " + maxTotal.toPlainString() + " " + cart.currency(),
                            List.of(new ErrorDetail(
                                    "total", cart.subtotal().amount().toPlainString()))),
                    false);
        }
        OrderStore.Holds holds = orders.pendingHolds(userId);
        if (holds.orders() >= maxPendingOrders) {
            throw new Refusal(
                    Rejected.conflict(
                            "PENDING_ORDER_LIMIT",
                            "You have " + holds.orders() + " unpaid orders holding stock (at most " + maxPendingOrders
                                    + "); pay or cancel one first",
                            List.of(new ErrorDetail("pendingOrders", String.valueOf(holds.orders())))),
                    false);
        }
        int units = cart.lines().stream().mapToInt(Carts.Line::quantity).sum();
        if (holds.units() + units > maxHeldUnits) {
            throw new Refusal(
                    Rejected.conflict(
                            "HELD_UNITS_LIMIT",
                            "Unpaid orders may hold at most " + maxHeldUnits + " units per shopper; yours hold "
                                    + holds.units() + " and this order needs " + units,
                            List.of(new ErrorDetail("heldUnits", String.valueOf(holds.units())))),
                    false);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Keeps the outcome for the key, so that the same request sent again gets it back. */
    private CheckoutOutcome complete(UUID userId, String key, CheckoutOutcome outcome) {
        requests.complete(userId, key, outcome);
        return outcome;
    }

    /**
     * An order refused before anything was created (the transaction rolls back). {@code final_}: the outcome is
     * stored and replayed for the key; otherwise the key is released for a corrected retry.
     */
    private static final class Refusal extends RuntimeException {
        private final Rejected outcome;
        private final boolean final_;

        Refusal(Rejected outcome, boolean final_) {
            super(null, null, false, false);
            this.outcome = outcome;
            this.final_ = final_;
        }
    }
}
