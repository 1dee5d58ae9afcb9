package dev.bazaar.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.IntegrationTest;
import dev.bazaar.inventory.InsufficientStockException;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.inventory.LowStockReached;
import dev.bazaar.inventory.StockAdministration;
import dev.bazaar.inventory.StockChanged;
import dev.bazaar.platform.DomainException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock levels on the real database: what is available, holds for unpaid orders (all lines or none), their
 * commit, release and restock, adjustments by the store with their history, the low-stock alert at the exact
 * crossing, and the validation of the administration facade. The checkout tests use the same code through
 * orders; here every number is checked after each step.
 */
@RecordApplicationEvents
class InventoryServiceTest extends IntegrationTest {

    @Autowired
    InventoryService stock;

    @Autowired
    StockAdministration administration;

    @Autowired
    StockMovementStore movements;

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "stock");
    }

    @Test
    void availableIsOnHandLessReservedAndZeroForUnknownProducts() {
        UUID product = product(8);
        UUID other = product(3);
        UUID unknown = UUID.randomUUID();
        reserve(UUID.randomUUID(), Map.of(product, 5));

        assertThat(stock.available(product)).isEqualTo(3);
        assertThat(stock.available(unknown)).isZero();
        assertThat(stock.available(List.of(product, other, unknown)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(product, 3, other, 3, unknown, 0));
        assertThat(stock.available(List.of())).isEmpty();
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 8, 5));
        assertThat(stock.level(product).available()).isEqualTo(3);
        assertThat(stock.level(unknown)).isEqualTo(new InventoryService.Level(unknown, 0, 0));
    }

    @Test
    void aHoldTakesEveryLineOrNoneAndNamesTheShortProduct() {
        UUID plenty = product(10);
        UUID scarce = product(2);
        UUID order = UUID.randomUUID();
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        lines.put(plenty, 4);
        lines.put(scarce, 3);

        InsufficientStockException short_ =
                catchThrowableOfType(InsufficientStockException.class, () -> reserve(order, lines));

        assertThat(short_).isNotNull();
        assertThat(short_.productId()).isEqualTo(scarce);
        assertThat(short_.available()).isEqualTo(2);
        assertThat(stock.level(plenty)).isEqualTo(new InventoryService.Level(plenty, 10, 0));
        assertThat(stock.level(scarce)).isEqualTo(new InventoryService.Level(scarce, 2, 0));
        assertThat(reservations(order)).isEmpty();

        lines.put(scarce, 2);
        reserve(order, lines);
        assertThat(stock.level(plenty)).isEqualTo(new InventoryService.Level(plenty, 10, 4));
        assertThat(stock.level(scarce)).isEqualTo(new InventoryService.Level(scarce, 2, 2));
        assertThat(reservations(order)).containsExactlyInAnyOrder(plenty + " 4 reserved", scarce + " 2 reserved");
        // exactly what is available can be held, and nothing more
        InsufficientStockException none = catchThrowableOfType(
                InsufficientStockException.class, () -> reserve(UUID.randomUUID(), Map.of(scarce, 1)));
        assertThat(none.available()).isZero();
    }

    @Test
    void aCommittedHoldLeavesTheShelfAndARestockPutsItBack() {
        UUID product = product(10);
        UUID order = UUID.randomUUID();
        reserve(order, Map.of(product, 3));
        events.clear();

        stock.commit(order);
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 7, 0));
        assertThat(changes(product)).containsExactly("sold 7/0");
        assertThat(reservations(order)).containsExactly(product + " 3 committed");
        // a second commit finds nothing held
        stock.commit(order);
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 7, 0));
        // a release finds nothing held either: committed units are restocked, not released
        stock.release(order, "too late");
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 7, 0));

        stock.restock(order, "order cancelled");
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 10, 0));
        assertThat(reservations(order)).containsExactly(product + " 3 released");
        assertThat(changes(product)).containsExactly("sold 7/0", "order cancelled 10/0");
        stock.restock(order, "order cancelled");
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 10, 0));

        assertThat(history(product, 4))
                .containsExactly(
                        "+3/0 → 10 order cancelled " + order,
                        "-3/-3 → 7 sold " + order,
                        "0/+3 → 10 reserved " + order,
                        "+10/0 → 10 set null");
    }

    @Test
    void aReleasedHoldBecomesAvailableAgainOnce() {
        UUID product = product(5);
        UUID order = UUID.randomUUID();
        reserve(order, Map.of(product, 5));
        assertThat(stock.available(product)).isZero();
        events.clear();

        stock.release(order, "payment declined");
        assertThat(changes(product)).containsExactly("payment declined 5/0");
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 5, 0));
        assertThat(reservations(order)).containsExactly(product + " 5 released");
        stock.release(order, "payment declined");
        stock.restock(order, "order cancelled");
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 5, 0));
        assertThat(history(product, 1)).containsExactly("0/-5 → 5 payment declined " + order);
    }

    @Test
    void anExpiredHoldIsReleasedByTheScheduledRunAndACurrentOneIsNot() {
        UUID product = product(6);
        UUID expired = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        reserve(expired, Map.of(product, 2));
        reserve(current, Map.of(product, 1));
        jdbc.sql("UPDATE inventory_reservations SET expires_at = now() - interval '1 second' WHERE order_id = :id")
                .param("id", expired)
                .update();

        assertThat(expiry.releaseExpired()).isGreaterThanOrEqualTo(1);

        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 6, 1));
        assertThat(reservations(expired)).containsExactly(product + " 2 released");
        assertThat(reservations(current)).containsExactly(product + " 1 reserved");
        assertThat(events.stream(dev.bazaar.inventory.ReservationExpired.class)
                        .map(dev.bazaar.inventory.ReservationExpired::orderId))
                .contains(expired)
                .doesNotContain(current);
    }

    @Test
    void theStoreAdjustsOnHandByASetOrADeltaButNeverBelowWhatIsHeld() {
        UUID product = product(10);
        reserve(UUID.randomUUID(), Map.of(product, 4));

        StockAdministration.StockView added = administration.adjust(product, null, 5, "  delivery  ");
        assertThat(added.onHand()).isEqualTo(15);
        assertThat(added.reserved()).isEqualTo(4);
        assertThat(added.available()).isEqualTo(11);
        assertThat(added.movements().getFirst().onHandDelta()).isEqualTo(5);
        assertThat(added.movements().getFirst().onHandAfter()).isEqualTo(15);
        assertThat(added.movements().getFirst().reason()).isEqualTo("delivery");

        StockAdministration.StockView set = administration.adjust(product, 4, null, "count");
        assertThat(set.onHand()).isEqualTo(4);
        assertThat(set.available()).isZero();
        assertThat(set.movements().getFirst().onHandDelta()).isEqualTo(-11);

        DomainException held =
                catchThrowableOfType(DomainException.class, () -> stock.adjust(product, null, -1, "loss"));
        assertThat(held.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(held.code()).isEqualTo("STOCK_HELD");
        assertThat(held.getMessage()).contains("hold 4 units");
        assertThat(catchThrowableOfType(DomainException.class, () -> stock.adjust(product, 3, null, "count"))
                        .code())
                .isEqualTo("STOCK_HELD");
        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 4, 4));

        StockAdministration.StockView read = administration.level(product);
        assertThat(read.onHand()).isEqualTo(4);
        assertThat(read.lowStockThreshold()).isEqualTo(5);
    }

    @Test
    void aProductWithoutAStockRowGetsOneWhenSet() {
        UUID product = product(0);
        jdbc.sql("DELETE FROM inventory_items WHERE product_id = :id")
                .param("id", product)
                .update();

        stock.setOnHand(product, 9);

        assertThat(stock.level(product)).isEqualTo(new InventoryService.Level(product, 9, 0));
        assertThat(history(product, 1)).containsExactly("+9/0 → 9 set null");
    }

    @Test
    void theLowStockAlertFiresOnceAtTheCrossingOfTheThreshold() {
        UUID product = product(6);
        events.clear();

        stock.adjust(product, null, -1, "a"); // 5 left: not below 5
        assertThat(lowStock(product)).isEmpty();
        stock.adjust(product, null, -1, "b"); // 4 left: crossed
        assertThat(lowStock(product)).containsExactly(4);
        stock.adjust(product, null, -1, "c"); // 3 left: already below
        assertThat(lowStock(product)).containsExactly(4);
        stock.adjust(product, 20, null, "d"); // back above
        stock.adjust(product, 1, null, "e"); // 20 → 1 in one step: crossed again
        assertThat(lowStock(product)).containsExactly(4, 1);

        StockChanged last = events.stream(StockChanged.class)
                .filter(changed -> changed.productId().equals(product))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(last.onHand()).isEqualTo(1);
        assertThat(last.reserved()).isZero();
        assertThat(last.available()).isEqualTo(1);
        assertThat(last.reason()).isEqualTo("e");
    }

    @Test
    void aHoldThatTakesTheLastUnitsAboveTheThresholdRaisesTheAlert() {
        UUID product = product(7);
        events.clear();

        reserve(UUID.randomUUID(), Map.of(product, 3));

        assertThat(lowStock(product)).containsExactly(4);
        StockChanged changed = events.stream(StockChanged.class)
                .filter(event -> event.productId().equals(product))
                .findFirst()
                .orElseThrow();
        assertThat(changed.reserved()).isEqualTo(3);
        assertThat(changed.reason()).isEqualTo("reserved");
    }

    @Test
    void theLowStockListIsTheProductsBelowTheThresholdFewestFirst() {
        UUID two = product(2);
        UUID zero = product(0);
        UUID plenty = product(50);

        List<StockAdministration.LowStock> low = administration.lowStock(1_000);

        // other tests' products share the database: at most 100 come back, fewest available first
        assertThat(low).hasSizeBetween(2, 100);
        assertThat(low).allSatisfy(item -> {
            assertThat(item.available()).isLessThan(5);
            assertThat(item.threshold()).isEqualTo(5);
        });
        assertThat(low).extracting(StockAdministration.LowStock::productId).doesNotContain(plenty);
        for (int i = 0; i + 1 < low.size(); i++) {
            assertThat(low.get(i).available())
                    .isLessThanOrEqualTo(low.get(i + 1).available());
        }
        if (low.size() < 100) {
            assertThat(low)
                    .contains(
                            new StockAdministration.LowStock(zero, 0, 5), new StockAdministration.LowStock(two, 2, 5));
        }
        assertThat(administration.lowStock(0)).hasSize(1);
        assertThat(administration.lowStock(2)).hasSize(2);
    }

    @Test
    void theAdministrationFacadeValidatesAsTheEndpointDoes() {
        UUID product = product(1);

        assertThat(invalid(() -> administration.adjust(product, null, null, "r")))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(invalid(() -> administration.adjust(product, 1, 1, "r"))).isEqualTo("VALIDATION_FAILED");
        for (Integer onHand : new Integer[] {-1, 10_000_001}) {
            assertThat(invalidField(() -> administration.adjust(product, onHand, null, "r")))
                    .isEqualTo("onHand");
        }
        for (Integer by : new Integer[] {-10_000_001, 10_000_001, Integer.MIN_VALUE}) {
            assertThat(invalidField(() -> administration.adjust(product, null, by, "r")))
                    .isEqualTo("adjustBy");
        }
        for (String reason : new String[] {null, "", "   ", "r".repeat(256)}) {
            assertThat(invalidField(() -> administration.adjust(product, 1, null, reason)))
                    .isEqualTo("reason");
        }
        // the bounds themselves are accepted
        assertThat(administration.adjust(product, 0, null, "r").onHand()).isZero();
        assertThat(administration
                        .adjust(product, 10_000_000, null, "r".repeat(255))
                        .onHand())
                .isEqualTo(10_000_000);
        assertThat(administration.adjust(product, null, -10_000_000, "r").onHand())
                .isZero();
        assertThat(administration.adjust(product, null, 10_000_000, "r").onHand())
                .isEqualTo(10_000_000);
    }

    @Test
    void aBulkLoadSetsEveryLevelInOneCopyAndCountsTheRows() {
        UUID first = product(0);
        UUID second = product(0);
        jdbc.sql("DELETE FROM inventory_items WHERE product_id IN (:ids)")
                .param("ids", List.of(first, second))
                .update();

        long rows =
                stock.loadOnHand(Stream.of(new Inventory.StockLevel(first, 12), new Inventory.StockLevel(second, -3)));

        assertThat(rows).isEqualTo(2);
        assertThat(stock.level(first)).isEqualTo(new InventoryService.Level(first, 12, 0));
        assertThat(stock.level(second)).isEqualTo(new InventoryService.Level(second, 0, 0));
    }

    @Test
    void stockToShowIsCachedUntilAChangeOfThatProductCommits() {
        UUID product = product(8);
        UUID other = product(3);
        UUID unknown = UUID.randomUUID();
        assertThat(stock.availableToShow(List.of(product, other, unknown)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(product, 8, other, 3, unknown, 0));

        // a write behind the inventory's back is not seen: the lists' stock comes from the cache
        jdbc.sql("UPDATE inventory_items SET on_hand = 50 WHERE product_id = :id")
                .param("id", other)
                .update();
        assertThat(stock.availableToShow(List.of(other))).containsEntry(other, 3);
        assertThat(stock.available(List.of(other))).containsEntry(other, 50); // decisions read the table

        // every change through the inventory evicts its product once it commits: reserve, commit, release,
        // restock, set
        UUID order = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            stock.reserve(order, Map.of(product, 2), Instant.now().plus(15, ChronoUnit.MINUTES));
            assertThat(stock.availableToShow(List.of(product)))
                    .as("evicted after the commit, not before")
                    .containsEntry(product, 8);
        });
        assertThat(stock.availableToShow(List.of(product, other)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(product, 6, other, 3));
        stock.commit(order);
        assertThat(stock.availableToShow(List.of(product))).containsEntry(product, 6);
        stock.restock(order, "order cancelled");
        assertThat(stock.availableToShow(List.of(product))).containsEntry(product, 8);
        administration.adjust(other, 7, null, "count");
        assertThat(stock.availableToShow(List.of(product, other)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(product, 8, other, 7));
    }

    private UUID product(int units) {
        return UUID.fromString(newProduct(admin, category, "Stocked Jar", "3.00", units));
    }

    private void reserve(UUID order, Map<UUID, Integer> quantities) {
        transactions.executeWithoutResult(
                tx -> stock.reserve(order, quantities, Instant.now().plus(15, ChronoUnit.MINUTES)));
    }

    private List<String> reservations(UUID order) {
        return jdbc.sql("SELECT product_id, quantity, status FROM inventory_reservations WHERE order_id = :id")
                .param("id", order)
                .query((rs, row) ->
                        rs.getString("product_id") + " " + rs.getInt("quantity") + " " + rs.getString("status"))
                .list();
    }

    /** The newest movements first, as "onHandDelta/reservedDelta → onHandAfter reason reference". */
    private List<String> history(UUID product, int limit) {
        return movements.recent(product, limit).stream()
                .map(m -> signed(m.onHandDelta()) + "/" + signed(m.reservedDelta()) + " → " + m.onHandAfter() + " "
                        + m.reason() + " " + m.reference())
                .toList();
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }

    /** The StockChanged events of the product, as "reason onHand/reserved". */
    private List<String> changes(UUID product) {
        return events.stream(StockChanged.class)
                .filter(event -> event.productId().equals(product))
                .map(event -> event.reason() + " " + event.onHand() + "/" + event.reserved())
                .toList();
    }

    private List<Integer> lowStock(UUID product) {
        return events.stream(LowStockReached.class)
                .filter(event -> event.productId().equals(product))
                .map(LowStockReached::available)
                .toList();
    }

    private static String invalid(Runnable call) {
        DomainException refused = catchThrowableOfType(DomainException.class, call::run);
        assertThat(refused).isNotNull();
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID_REQUEST);
        return refused.code();
    }

    private static String invalidField(Runnable call) {
        DomainException refused = catchThrowableOfType(DomainException.class, call::run);
        assertThat(refused).isNotNull();
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID_REQUEST);
        return refused.details().getFirst().field();
    }
}
