package dev.bazaar.cart.internal;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.cart.PricedCart;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cart operations. PostgreSQL is written first, synchronously; a user's cart rows are then cached
 * ({@code cart} cache, key = user id, expiring an hour after the last access) and evicted on every change.
 * Every read is priced live by {@link CartPricing}.
 */
@Service
class CartService {

    static final String CART_CACHE = "cart";

    private final CartStore store;
    private final Coupons coupons;
    private final CartPricing pricing;
    private final ProductCatalog catalog;
    private final Inventory inventory;
    private final CartProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Cache cache;

    CartService(
            CartStore store,
            Coupons coupons,
            CartPricing pricing,
            ProductCatalog catalog,
            Inventory inventory,
            CartProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            CacheManager caches) {
        this.store = store;
        this.coupons = coupons;
        this.pricing = pricing;
        this.catalog = catalog;
        this.inventory = inventory;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.cache = caches.getCache(CART_CACHE);
    }

    PricedCart view(CartOwner owner) {
        return price(owner, rows(owner));
    }

    /**
     * Adds units of an active product. Fails with 409 and the available quantity when the line would hold more
     * than the stock, 400 above the per-line maximum, 422 {@code CART_FULL} when a new line would exceed the
     * lines a cart may hold, and 409 {@code CURRENCY_MISMATCH} when the product is priced in another currency
     * than the cart's. The cart's row is locked first (by the upsert), so concurrent additions are checked one
     * after the other.
     */
    AddResult add(CartOwner owner, UUID productId, int quantity) {
        ProductCard product = catalog.card(productId).orElseThrow(() -> DomainException.notFound("Product"));
        CartRows.Line line = transactions.execute(tx -> {
            UUID cartId = store.ensureCart(owner);
            List<CartRows.Line> lines = store.lines(cartId);
            boolean newLine =
                    lines.stream().noneMatch(existing -> existing.productId().equals(productId));
            if (newLine && lines.size() >= properties.maxLines()) {
                throw new DomainException(
                        DomainException.Kind.UNPROCESSABLE,
                        "CART_FULL",
                        "A cart holds at most " + properties.maxLines() + " different products",
                        List.of(new ErrorDetail("productId", "lines: " + lines.size())));
            }
            cartCurrency(lines)
                    .filter(currency -> !currency.equals(product.currency()))
                    .ifPresent(currency -> {
                        throw currencyMismatch(currency, product.currency());
                    });
            CartRows.Line added = store.addUnits(
                            cartId, productId, quantity, product.price(), properties.maxLineQuantity())
                    .orElseThrow(() -> DomainException.invalidField(
                            "quantity", "a line holds at most " + properties.maxLineQuantity() + " units"));
            requireStock(productId, added.quantity());
            store.touch(cartId);
            events.publishEvent(new CartItemAdded(cartId, userOf(owner), productId, quantity, Instant.now()));
            return added;
        });
        evict(owner);
        return new AddResult(line, view(owner));
    }

    /** Sets a line's quantity; the line must be in the owner's cart (else 404). */
    PricedCart.Item update(CartOwner owner, UUID itemId, int quantity) {
        transactions.executeWithoutResult(tx -> {
            UUID cartId = cartIdOf(owner).orElseThrow(CartService::itemNotFound);
            CartRows.Line line = store.lockLine(cartId, itemId).orElseThrow(CartService::itemNotFound);
            if (quantity > line.quantity()) {
                requireStock(line.productId(), quantity);
            }
            store.setQuantity(itemId, quantity);
            store.touch(cartId);
            int difference = quantity - line.quantity();
            if (difference > 0) {
                events.publishEvent(
                        new CartItemAdded(cartId, userOf(owner), line.productId(), difference, Instant.now()));
            } else if (difference < 0) {
                events.publishEvent(
                        new CartItemRemoved(cartId, userOf(owner), line.productId(), -difference, Instant.now()));
            }
        });
        evict(owner);
        return view(owner).items().stream()
                .filter(item -> item.id().equals(itemId))
                .findFirst()
                .orElseThrow(CartService::itemNotFound);
    }

    void remove(CartOwner owner, UUID itemId) {
        transactions.executeWithoutResult(tx -> {
            UUID cartId = cartIdOf(owner).orElseThrow(CartService::itemNotFound);
            CartRows.Line line = store.lockLine(cartId, itemId).orElseThrow(CartService::itemNotFound);
            store.deleteLine(itemId);
            store.touch(cartId);
            events.publishEvent(
                    new CartItemRemoved(cartId, userOf(owner), line.productId(), line.quantity(), Instant.now()));
        });
        evict(owner);
    }

    void clear(CartOwner owner) {
        transactions.executeWithoutResult(tx -> store.load(owner).ifPresent(cart -> {
            store.deleteAllLines(cart.id());
            store.setCoupon(cart.id(), null);
            store.touch(cart.id());
            cart.lines()
                    .forEach(line -> events.publishEvent(new CartItemRemoved(
                            cart.id(), userOf(owner), line.productId(), line.quantity(), Instant.now())));
        }));
        evict(owner);
    }

    PricedCart applyCoupon(CartOwner owner, String code) {
        String normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
        Coupons.Coupon coupon = coupons.find(normalised)
                .filter(found -> found.usableAt(Instant.now()))
                .orElseThrow(() -> DomainException.unprocessable(
                        "INVALID_COUPON", "This coupon code does not exist or has expired"));
        if (owner instanceof CartOwner.NewGuest
                || owner instanceof CartOwner.Guest guest && !store.guestCartExists(guest.tokenHash())) {
            throw DomainException.unprocessable("EMPTY_CART", "Add something to the cart before applying a coupon");
        }
        if (owner instanceof CartOwner.User user) {
            coupon.refusal(coupons.usage(coupon.code(), user.userId())).ifPresent(reason -> {
                throw DomainException.unprocessable("COUPON_LIMIT_REACHED", "This coupon cannot be used: " + reason);
            });
        }
        transactions.executeWithoutResult(tx -> {
            UUID cartId = store.ensureCart(owner);
            store.setCoupon(cartId, coupon.code());
            store.touch(cartId);
        });
        evict(owner);
        return view(owner);
    }

    PricedCart removeCoupon(CartOwner owner) {
        transactions.executeWithoutResult(tx -> cartIdOf(owner).ifPresent(cartId -> store.setCoupon(cartId, null)));
        evict(owner);
        return view(owner);
    }

    /**
     * Moves a guest's cart into the user's. The rule: a product in both carts gets the sum of both quantities,
     * capped by the per-line maximum and by the stock available now; a product only in the guest cart moves
     * over (capped the same way); products no longer sold or out of stock are dropped. The user's coupon wins
     * over the guest's. The guest cart is deleted. Merging an unknown or already merged token does nothing.
     */
    PricedCart merge(UUID userId, String guestTokenHash) {
        CartOwner user = new CartOwner.User(userId);
        CartOwner guest = new CartOwner.Guest(guestTokenHash);
        transactions.executeWithoutResult(tx -> store.load(guest).ifPresent(guestCart -> {
            UUID cartId = store.ensureCart(user);
            Map<UUID, CartRows.Line> existing = store.load(user).orElseThrow().lines().stream()
                    .collect(Collectors.toMap(CartRows.Line::productId, Function.identity()));
            Map<UUID, Integer> stock = inventory.available(
                    guestCart.lines().stream().map(CartRows.Line::productId).toList());
            Optional<String> currency = cartCurrency(List.copyOf(existing.values()));
            int lineCount = existing.size();
            for (CartRows.Line line : guestCart.lines()) {
                Optional<ProductCard> product = catalog.card(line.productId());
                int alreadyThere = existing.containsKey(line.productId())
                        ? existing.get(line.productId()).quantity()
                        : 0;
                int target = Math.min(
                        Math.min(alreadyThere + line.quantity(), properties.maxLineQuantity()),
                        stock.getOrDefault(line.productId(), 0));
                if (product.isEmpty() || target <= alreadyThere) {
                    continue;
                }
                // the cart's rules hold for merged lines too: one currency, at most max-lines lines
                if (currency.isPresent() && !currency.get().equals(product.get().currency())) {
                    continue;
                }
                if (alreadyThere == 0 && lineCount >= properties.maxLines()) {
                    continue;
                }
                currency = currency.or(() -> Optional.of(product.get().currency()));
                lineCount += alreadyThere == 0 ? 1 : 0;
                store.addUnits(
                        cartId,
                        line.productId(),
                        target - alreadyThere,
                        line.priceWhenAdded(),
                        properties.maxLineQuantity());
            }
            if (guestCart.couponCode() != null && store.load(user).orElseThrow().couponCode() == null) {
                store.setCoupon(cartId, guestCart.couponCode());
            }
            store.deleteCart(guestCart.id());
            store.touch(cartId);
        }));
        evict(user);
        return view(user);
    }

    /** Whether the guest token has a cart: tokens the server never issued (or whose cart is gone) have none. */
    boolean guestCartExists(CartOwner.Guest guest) {
        return store.guestCartExists(guest.tokenHash());
    }

    /** The cart's currency: its first line still for sale's; empty for a cart with none. */
    private Optional<String> cartCurrency(List<CartRows.Line> lines) {
        List<CartRows.Line> ordered = lines.stream()
                .sorted(java.util.Comparator.comparing(CartRows.Line::addedAt).thenComparing(CartRows.Line::id))
                .toList();
        Map<UUID, ProductCard> cards = catalog
                .cards(ordered.stream().map(CartRows.Line::productId).toList())
                .stream()
                .collect(Collectors.toMap(ProductCard::id, Function.identity()));
        return ordered.stream()
                .map(line -> cards.get(line.productId()))
                .filter(java.util.Objects::nonNull)
                .map(ProductCard::currency)
                .findFirst();
    }

    private static DomainException currencyMismatch(String cartCurrency, String productCurrency) {
        return new DomainException(
                DomainException.Kind.CONFLICT,
                "CURRENCY_MISMATCH",
                "This cart is in " + cartCurrency + "; a product priced in " + productCurrency
                        + " cannot be added to it (one currency per cart)",
                List.of(new ErrorDetail("currency", "cart: " + cartCurrency + ", product: " + productCurrency)));
    }

    /** Prices rows read by the caller (checkout reads them under the cart's lock). */
    PricedCart price(CartOwner owner, Optional<CartRows> rows) {
        return price(owner, rows.orElse(CartRows.empty()));
    }

    private CartRows rows(CartOwner owner) {
        return switch (owner) {
            case CartOwner.User user ->
                cache.get(user.userId(), () -> store.load(owner).orElse(CartRows.empty()));
            case CartOwner.Guest guest -> store.load(owner).orElse(CartRows.empty());
            case CartOwner.NewGuest ignored -> CartRows.empty();
        };
    }

    private PricedCart price(CartOwner owner, CartRows cart) {
        List<UUID> productIds =
                cart.lines().stream().map(CartRows.Line::productId).toList();
        Map<UUID, ProductCard> products =
                catalog.cards(productIds).stream().collect(Collectors.toMap(ProductCard::id, Function.identity()));
        var customerPercent = owner instanceof CartOwner.User user
                ? coupons.customerDiscount(user.userId()).orElse(null)
                : null;
        var coupon = cart.couponCode() == null
                ? null
                : coupons.find(cart.couponCode()).orElse(null);
        return pricing.price(cart, products, customerPercent, coupon, Instant.now());
    }

    private void requireStock(UUID productId, int wanted) {
        int available = inventory.available(productId);
        if (wanted > available) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "INSUFFICIENT_STOCK",
                    "Only " + Math.max(available, 0) + " available",
                    List.of(new ErrorDetail("quantity", "available: " + Math.max(available, 0))));
        }
    }

    private Optional<UUID> cartIdOf(CartOwner owner) {
        return store.load(owner).map(CartRows::id);
    }

    private void evict(CartOwner owner) {
        if (owner instanceof CartOwner.User user) {
            cache.evict(user.userId());
        }
    }

    private static UUID userOf(CartOwner owner) {
        return owner instanceof CartOwner.User user ? user.userId() : null;
    }

    private static DomainException itemNotFound() {
        return DomainException.notFound("Cart item");
    }

    record AddResult(CartRows.Line line, PricedCart cart) {}
}
