package dev.bazaar.order.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.identity.CustomerContacts;
import dev.bazaar.inventory.InsufficientStockException;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.order.OrderPaid;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderViews.Item;
import dev.bazaar.payment.PaymentUnavailableException;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.notification.Notification;
import dev.bazaar.platform.notification.Notifier;
import dev.bazaar.platform.security.Sha256;
import dev.bazaar.platform.web.ApiResponse;
import dev.bazaar.platform.web.ErrorDetail;
import dev.bazaar.platform.web.ErrorResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Placing an order, idempotently: claim the key → price the cart → create the order with price snapshots and
 * reserve its stock (one transaction) → charge → confirm, commit the stock, clear the cart, publish and notify
 * (one transaction). A declined payment cancels the order and releases the stock; the cart stays. If the
 * gateway is unreachable the order stays pending with its stock held: retrying with the same key resumes it,
 * and if nobody does, the hold expires and the order is cancelled. There is never a charge without an order
 * (the order exists before the charge) nor a hold without an order.
 */
@Service
class Checkout {

    private final OrderRequests requests;
    private final OrderStore orders;
    private final OrderQueries queries;
    private final Carts carts;
    private final Inventory inventory;
    private final Payments payments;
    private final CustomerContacts contacts;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Duration holdFor;

    Checkout(
            OrderRequests requests,
            OrderStore orders,
            OrderQueries queries,
            Carts carts,
            Inventory inventory,
            Payments payments,
            CustomerContacts contacts,
            Notifier notifier,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ObjectMapper json,
            @Value("${bazaar.order.reservation-ttl:PT15M}") Duration holdFor) {
        this.requests = requests;
        this.orders = orders;
        this.queries = queries;
        this.carts = carts;
        this.inventory = inventory;
        this.payments = payments;
        this.contacts = contacts;
        this.notifier = notifier;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.holdFor = holdFor;
    }

    Response place(UUID userId, String key, PlaceOrderRequest request) {
        if (request.paymentMethod() == Payments.Method.CARD && request.cardToken() == null
                || request.paymentMethod() == Payments.Method.GIFT_CARD && request.giftCardCode() == null) {
            return new Response(
                    400,
                    errorJson(
                            "VALIDATION_FAILED",
                            "The request has invalid fields",
                            List.of(new ErrorDetail(
                                    request.paymentMethod() == Payments.Method.CARD ? "cardToken" : "giftCardCode",
                                    "is required for this payment method"))));
        }
        if ((request.shippingAddress() == null) == (request.savedAddressIndex() == null)) {
            return new Response(
                    400,
                    errorJson(
                            "VALIDATION_FAILED",
                            "The request has invalid fields",
                            List.of(new ErrorDetail(
                                    "shippingAddress", "give either shippingAddress or savedAddressIndex"))));
        }
        PlaceOrderRequest.ShippingAddress address = request.shippingAddress();
        if (address == null) {
            List<CustomerContacts.SavedAddress> saved = contacts.savedAddresses(userId);
            if (request.savedAddressIndex() >= saved.size()) {
                return new Response(
                        400,
                        errorJson(
                                "VALIDATION_FAILED",
                                "The request has invalid fields",
                                List.of(new ErrorDetail("savedAddressIndex", "no saved address has this index"))));
            }
            CustomerContacts.SavedAddress chosen = saved.get(request.savedAddressIndex());
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
            OrderRequests.Claim claim = requests.find(userId, key).orElseThrow();
            if (!claim.requestHash().equals(hash)) {
                return error(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request");
            }
            if (claim.responseStatus() != null) {
                return new Response(claim.responseStatus(), claim.responseBody());
            }
            if (!requests.resume(userId, key)) {
                return error(
                        409, "REQUEST_IN_PROGRESS", "A request with this Idempotency-Key is still being processed");
            }
            if (claim.orderId() != null) {
                return finish(userId, key, claim.orderId(), request);
            }
        }
        Carts.CheckoutCart cart = carts.forCheckout(userId);
        if (cart.isEmpty()) {
            return complete(userId, key, error(422, "EMPTY_CART", "The cart is empty"));
        }
        UUID orderId;
        try {
            orderId = transactions.execute(tx -> {
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
                        cart.currency(),
                        json.writeValueAsString(shipTo),
                        request.paymentMethod().name()));
                Map<UUID, Integer> quantities = new LinkedHashMap<>();
                cart.lines().forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
                inventory.reserve(id, quantities, Instant.now().plus(holdFor));
                requests.attachOrder(userId, key, id);
                return id;
            });
        } catch (InsufficientStockException short_) {
            return complete(
                    userId,
                    key,
                    new Response(
                            409,
                            errorJson(
                                    "INSUFFICIENT_STOCK",
                                    "Not enough stock for an item in the cart",
                                    List.of(new ErrorDetail(
                                            short_.productId().toString(), "available: " + short_.available())))));
        }
        return finish(userId, key, orderId, request);
    }

    /** Charges a created order and settles it either way; safe to repeat (the charge is idempotent). */
    private Response finish(UUID userId, String key, UUID orderId, PlaceOrderRequest request) {
        OrderStore.OrderRow order = orders.find(orderId).orElseThrow();
        if (!order.status().equals("pending")) {
            return complete(userId, key, new Response(201, ok(queries.details(orderId))));
        }
        Payments.ChargeOutcome outcome;
        try {
            outcome = payments.charge(new Payments.Charge(
                    orderId,
                    userId,
                    "order:" + orderId,
                    order.total(),
                    order.currency(),
                    request.paymentMethod(),
                    request.cardToken(),
                    request.giftCardCode()));
        } catch (PaymentUnavailableException unavailable) {
            requests.suspend(userId, key);
            return error(
                    503,
                    "PAYMENT_UNAVAILABLE",
                    "The payment service is not answering; nothing was charged twice. Retry with the same Idempotency-Key");
        }
        if (outcome.status() == Payments.ChargeOutcome.Status.DECLINED) {
            transactions.executeWithoutResult(tx -> {
                orders.lock(orderId).orElseThrow();
                orders.update(orderId, "cancelled", "failed", null, null);
                orders.addHistory(orderId, "cancelled", "Payment declined: " + outcome.declineReason());
                inventory.release(orderId, "payment declined");
            });
            return complete(
                    userId,
                    key,
                    new Response(
                            402,
                            errorJson(
                                    "PAYMENT_DECLINED",
                                    "The payment was declined: " + outcome.declineReason(),
                                    List.of())));
        }
        boolean captured = outcome.status() == Payments.ChargeOutcome.Status.CAPTURED;
        transactions.executeWithoutResult(tx -> {
            orders.lock(orderId).orElseThrow();
            orders.update(orderId, "confirmed", captured ? "paid" : "due", outcome.reference(), null);
            orders.addHistory(orderId, "confirmed", captured ? "Payment received" : "To be paid on delivery");
            inventory.commit(orderId);
            carts.clearAfterCheckout(userId);
            List<Item> items = orders.items(orderId);
            Instant now = Instant.now();
            events.publishEvent(new OrderPlaced(
                    orderId,
                    userId,
                    items.stream()
                            .map(item -> new OrderPlaced.Line(item.productId(), item.quantity(), item.price()))
                            .toList(),
                    order.total(),
                    order.currency(),
                    order.paymentMethod(),
                    now));
            if (captured) {
                events.publishEvent(new OrderPaid(
                        orderId, userId, items.stream().map(Item::productId).toList(), now));
            }
            contacts.contactOf(userId)
                    .ifPresent(contact -> notifier.send(new Notification(
                            userId,
                            contact.email(),
                            "order_confirmation",
                            "Your Bazaar order " + orderId,
                            "Hello " + contact.name() + ",\n\nthank you for your order of " + order.total() + " "
                                    + order.currency() + ". We will tell you when it ships.\n")));
        });
        return complete(userId, key, new Response(201, ok(queries.details(orderId))));
    }

    private Response complete(UUID userId, String key, Response response) {
        requests.complete(userId, key, response.status(), response.body());
        return response;
    }

    private Response error(int status, String code, String message) {
        return new Response(status, errorJson(code, message, List.of()));
    }

    private String errorJson(String code, String message, List<ErrorDetail> details) {
        return json.writeValueAsString(ErrorResponse.of(code, message, details, null));
    }

    private String ok(Object data) {
        return json.writeValueAsString(ApiResponse.of(data));
    }

    /** An HTTP status and its JSON body, as sent the first time and replayed for the same key. */
    record Response(int status, String body) {}
}
