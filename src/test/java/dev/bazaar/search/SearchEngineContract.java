package dev.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.platform.Money;
import dev.bazaar.search.internal.SearchEngine;
import dev.bazaar.search.internal.SearchEngine.FacetCount;
import dev.bazaar.search.internal.SearchEngine.Facets;
import dev.bazaar.search.internal.SearchEngine.PriceRangeCount;
import dev.bazaar.search.internal.SearchEngine.SearchHits;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.SearchEngine.Sort;
import dev.bazaar.search.internal.SearchEngine.Suggestion;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every search engine behind the port promises, checked against a small known catalog: relevance, filters,
 * sorts, facets, autocomplete, changes and rebuilds. Each engine's test extends this and says how to open the
 * engine on its storage; both must pass every test here.
 */
public abstract class SearchEngineContract {

    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private static final List<String> LAPTOPS = List.of("electronics", "computers", "laptops");
    private static final List<String> ACCESSORIES = List.of("electronics", "computers", "computer-accessories");
    private static final List<String> PHONES = List.of("electronics", "phones");
    private static final List<String> KITCHEN = List.of("home", "kitchen");
    private static final List<String> LIGHTING = List.of("home", "lighting");

    private static final Map<String, String> CATEGORY_NAMES = Map.of(
            "laptops", "Laptops",
            "computer-accessories", "Computer Accessories",
            "phones", "Phones",
            "kitchen", "Kitchen",
            "lighting", "Lighting");

    // title, description, brand, price, rating, reviews, category path, popularity, days after EPOCH
    static final IndexableProduct LAPTOP_PRO = product(
            "L1",
            "Laptop Pro 15",
            "Aluminium notebook with a bright display",
            "Apple",
            "1999.00",
            "4.8",
            500,
            LAPTOPS,
            900,
            1);
    static final IndexableProduct GAMING_LAPTOP = product(
            "L2",
            "Gaming Laptop 17",
            "Fast graphics card and a large screen",
            "Asus",
            "1499.99",
            "4.5",
            300,
            LAPTOPS,
            700,
            2);
    static final IndexableProduct ULTRABOOK = product(
            "L3",
            "Ultrabook Air 13",
            "A thin and light laptop for travel",
            "Dell",
            "999.00",
            "4.2",
            120,
            LAPTOPS,
            500,
            3);
    static final IndexableProduct BUDGET_LAPTOP = product(
            "L4",
            "Budget Laptop 14",
            "Everyday computing on a small budget",
            "Lenovo",
            "349.00",
            "4.0",
            80,
            LAPTOPS,
            400,
            4);
    static final IndexableProduct MOUSE = product(
            "A1", "Wireless Mouse", "Ergonomic and quiet", "Logitech", "25.00", "4.5", 1000, ACCESSORIES, 950, 5);
    static final IndexableProduct KEYBOARD = product(
            "A2",
            "Mechanical Keyboard",
            "Tactile switches and backlight",
            "Logitech",
            "89.99",
            "4.7",
            600,
            ACCESSORIES,
            600,
            6);
    static final IndexableProduct SLEEVE = product(
            "A3",
            "Laptop Sleeve 15",
            "Protective neoprene sleeve",
            "Case Logic",
            "24.99",
            "4.1",
            90,
            ACCESSORIES,
            300,
            7);
    static final IndexableProduct CABLE =
            product("A4", "USB-C Cable", "Braided charging cable", "Anker", "9.99", "4.4", 2000, ACCESSORIES, 1000, 8);
    static final IndexableProduct SMARTPHONE =
            product("P1", "Smartphone X", "Edge to edge screen", "Apple", "999.00", "4.6", 800, PHONES, 980, 9);
    static final IndexableProduct GALAXY =
            product("P2", "Galaxy Phone S", "Triple camera", "Samsung", "899.00", "4.5", 700, PHONES, 850, 10);
    static final IndexableProduct BUDGET_PHONE =
            product("P3", "Budget Phone", "Long battery life", "Xiaomi", "199.00", "4.0", 200, PHONES, 450, 11);
    static final IndexableProduct PHONE_CASE =
            product("P4", "Phone Case", "Shock absorbing silicone", "Spigen", "10.00", "4.3", 150, PHONES, 350, 12);
    static final IndexableProduct KNIFE =
            product("K1", "Chef Knife", "Forged steel blade", "Wusthof", "120.00", "4.9", 90, KITCHEN, 200, 13);
    protected static final IndexableProduct ESPRESSO = product(
            "K2",
            "Espresso Machine",
            "Pump pressure and steam wand",
            "Breville",
            "499.99",
            "4.4",
            250,
            KITCHEN,
            550,
            14);
    static final IndexableProduct SKILLET =
            product("K3", "Cast Iron Skillet", "Pre-seasoned pan", "Lodge", "35.00", "4.8", 400, KITCHEN, 520, 15);
    static final IndexableProduct WHISK =
            product("K4", "Mousse Whisk", "Whips cream in seconds", "OXO", "12.50", "3.8", 40, KITCHEN, 990, 16);
    static final IndexableProduct DESK_LAMP =
            product("H1", "Desk Lamp", "Adjustable arm", "IKEA", "25.00", "4.0", 60, LIGHTING, 310, 17);
    static final IndexableProduct FLOOR_LAMP =
            product("H2", "Floor Lamp", "Warm dimmable light", "IKEA", "79.00", "3.9", 30, LIGHTING, 250, 18);
    static final IndexableProduct RETIRED_STAND = inactive(
            product("X1", "Laptop Stand", "Raises the screen", "Rain", "49.00", "4.9", 100, ACCESSORIES, 5000, 19));

    protected static final List<IndexableProduct> CATALOG = List.of(
            LAPTOP_PRO,
            GAMING_LAPTOP,
            ULTRABOOK,
            BUDGET_LAPTOP,
            MOUSE,
            KEYBOARD,
            SLEEVE,
            CABLE,
            SMARTPHONE,
            GALAXY,
            BUDGET_PHONE,
            PHONE_CASE,
            KNIFE,
            ESPRESSO,
            SKILLET,
            WHISK,
            DESK_LAMP,
            FLOOR_LAMP,
            RETIRED_STAND);
    protected static final int ACTIVE = CATALOG.size() - 1;

    protected SearchEngine engine;

    /** The engine under test on this test's storage; opened again on the same storage it finds its index. */
    protected abstract SearchEngine openEngine();

    /** An engine on storage that holds no index yet. */
    protected abstract SearchEngine openEngineWithoutIndex();

    /** Searches, suggestions and upserts each thread makes in the concurrency test. */
    protected int concurrentRounds() {
        return 100;
    }

    /** Whatever the engine keeps besides the index it serves: left over by rebuilds, it must have been removed. */
    protected abstract void assertOnlyTheServedIndexIsKept();

    @BeforeEach
    void indexCatalog() {
        engine = openEngine();
        assertThat(engine.rebuild(CATALOG.stream(), "v1", count -> {})).isEqualTo(ACTIVE);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Nested
    class Relevance {

        @Test
        void anExactTitleMatchRanksFirst() {
            assertThat(ids(query("espresso")).getFirst()).isEqualTo(ESPRESSO.id());
            assertThat(ids(query("mechanical keyboard")).getFirst()).isEqualTo(KEYBOARD.id());
        }

        @Test
        void pluralsAndCaseMatchThroughStemming() {
            assertThat(ids(query("SKILLETS"))).containsExactly(SKILLET.id());
        }

        @Test
        void titleMatchesOutrankDescriptionMatches() {
            List<UUID> ids = ids(query("laptop"));
            assertThat(ids)
                    .containsExactlyInAnyOrder(
                            LAPTOP_PRO.id(), GAMING_LAPTOP.id(), BUDGET_LAPTOP.id(), SLEEVE.id(), ULTRABOOK.id());
            assertThat(ids.getLast()).isEqualTo(ULTRABOOK.id()); // only description and category say "laptop"
        }

        @Test
        void aMisspelledWordStillFindsProducts() {
            assertThat(ids(query("labtop")))
                    .contains(LAPTOP_PRO.id(), GAMING_LAPTOP.id(), BUDGET_LAPTOP.id(), SLEEVE.id())
                    .doesNotContain(RETIRED_STAND.id());
            assertThat(ids(query("keybaord")).getFirst()).isEqualTo(KEYBOARD.id());
        }

        @Test
        void aWordWrittenTogetherIsSearchedAsTheTwoWordsOfTheCatalog() {
            // no product says "phonecase" or "floorlamp"; "phone", "case", "floor" and "lamp" are catalog words
            assertThat(ids(query("phonecase")).getFirst()).isEqualTo(PHONE_CASE.id());
            assertThat(ids(query("warm floorlamp")).getFirst()).isEqualTo(FLOOR_LAMP.id());

            // a word the catalog has is searched as it is
            IndexableProduct holder =
                    product("D2", "Phonecase Holder", "Wall mount", "Acme", "5.00", "4.0", 1, ACCESSORIES, 1, 31);
            engine.upsert(holder);
            engine.flush();
            assertThat(ids(query("phonecase"))).containsExactly(holder.id());
        }

        @Test
        void aBrandOrATypoIsNotSplitIntoCatalogWords() {
            // "Floorcase" is a brand no title or description has; "phone", "floor" and "case" are catalog words
            IndexableProduct branded =
                    product("D3", "Sleeve", "Soft cover", "Floorcase", "9.00", "4.0", 1, ACCESSORIES, 1, 32);
            engine.upsert(branded);
            engine.flush();
            assertThat(ids(query("floorcase"))).containsExactly(branded.id());
            // "shopcase" is one edit from "showcase", a title word; "shop" and "case" are catalog words too: a
            // typo, not "shop case"
            IndexableProduct showcase =
                    product("D4", "Showcase Shelf", "Glass front", "Acme", "60.00", "4.0", 1, ACCESSORIES, 1, 33);
            IndexableProduct counter =
                    product("D5", "Counter Bell", "For a shop counter", "Acme", "7.00", "4.0", 1, ACCESSORIES, 1, 34);
            engine.upsert(showcase);
            engine.upsert(counter);
            engine.flush();
            assertThat(ids(query("shopcase")).getFirst()).isEqualTo(showcase.id());
        }

        @Test
        void anExactMatchOutranksATypoMatchWhateverFieldAndPopularity() {
            // "mousse" is one edit from "mouse"; the whisk is the more popular product and has it in its title
            IndexableProduct pouch = product(
                    "D1", "Travel Pouch", "Fits a mouse and cables", "Acme", "15.00", "4.0", 1, ACCESSORIES, 1, 30);
            engine.upsert(pouch);
            engine.flush();

            List<UUID> ids = ids(query("mouse"));

            assertThat(ids).containsSubsequence(MOUSE.id(), pouch.id(), WHISK.id());
            assertThat(ids.getFirst()).isEqualTo(MOUSE.id());
        }

        @Test
        void shortWordsMustMatchExactly() {
            // "13" and "15" are two characters: no typo allowance, so "13" does not find the 15-inch products
            assertThat(ids(query("13"))).containsExactly(ULTRABOOK.id());
        }

        @Test
        void productsMatchingEveryWordComeFirst() {
            List<UUID> ids = ids(query("budget phone"));
            assertThat(ids.getFirst()).isEqualTo(BUDGET_PHONE.id());
            // matching only some of the words still qualifies
            assertThat(ids).contains(BUDGET_LAPTOP.id(), GALAXY.id(), PHONE_CASE.id());

            assertThat(ids(query("gaming laptop")).getFirst()).isEqualTo(GAMING_LAPTOP.id());
        }

        @Test
        void everyWordWithATypoStillBeatsSomeWordsExactly() {
            List<UUID> ids = ids(query("budgit phone"));
            assertThat(ids.getFirst()).isEqualTo(BUDGET_PHONE.id());
            assertThat(ids).contains(GALAXY.id(), PHONE_CASE.id(), BUDGET_LAPTOP.id());
        }

        @Test
        void brandAndCategoryNamesAreSearchable() {
            assertThat(ids(query("logitech"))).containsExactlyInAnyOrder(MOUSE.id(), KEYBOARD.id());
            // "electronics" is only an ancestor category of these products
            assertThat(engine.search(request("electronics", null, null, null, null, null, Sort.RELEVANCE, 1, 50))
                            .total())
                    .isEqualTo(12);
        }

        @Test
        void equalScoresAreOrderedByPopularityThenId() {
            IndexableProduct twinA = twin(PHONE_CASE, "P5", 100);
            IndexableProduct twinB = twin(PHONE_CASE, "P6", 100);
            engine.upsert(twinA);
            engine.upsert(twinB);
            engine.flush();

            List<UUID> ids = ids(query("case"));

            // ids are compared as text, the order users of the port can reproduce
            UUID first = twinA.id().toString().compareTo(twinB.id().toString()) < 0 ? twinA.id() : twinB.id();
            UUID second = first.equals(twinA.id()) ? twinB.id() : twinA.id();
            assertThat(ids).containsSubsequence(PHONE_CASE.id(), first, second);
        }

        @Test
        void stopWordsAloneMatchNothing() {
            assertThat(engine.search(query("the")).total()).isZero();
        }
    }

    @Nested
    class Browsing {

        @Test
        void aBlankQueryListsEveryActiveProductMostPopularFirst() {
            SearchHits hits = engine.search(request(" ", null, null, null, null, null, Sort.RELEVANCE, 1, 50));

            List<UUID> byPopularity = CATALOG.stream()
                    .filter(IndexableProduct::active)
                    .sorted(Comparator.comparingLong(IndexableProduct::popularity)
                            .reversed())
                    .map(IndexableProduct::id)
                    .toList();
            assertThat(hits.total()).isEqualTo(ACTIVE);
            assertThat(hits.productIds()).isEqualTo(byPopularity);
        }

        @Test
        void aCategoryIncludesItsSubcategories() {
            assertThat(browse("electronics", null).total()).isEqualTo(12);
            assertThat(browse("computers", null).total()).isEqualTo(8);
            assertThat(browse("home", null).total()).isEqualTo(6);
            assertThat(browse("laptops", null).productIds())
                    .containsExactlyInAnyOrder(LAPTOP_PRO.id(), GAMING_LAPTOP.id(), ULTRABOOK.id(), BUDGET_LAPTOP.id());
            assertThat(ids(request("laptop", "computer-accessories", null, null, null, null, Sort.RELEVANCE, 1, 20)))
                    .containsExactly(SLEEVE.id());
        }

        @Test
        void theBrandFilterIgnoresCase() {
            assertThat(browse(null, "APPLE").productIds()).containsExactlyInAnyOrder(LAPTOP_PRO.id(), SMARTPHONE.id());
            assertThat(browse(null, "apple").total()).isEqualTo(2);
            assertThat(browse(null, "case logic").productIds()).containsExactly(SLEEVE.id());
            assertThat(browse(null, "Unknown").total()).isZero();
        }

        @Test
        void priceBoundsAreInclusive() {
            SearchHits hits = engine.search(request(
                    null, null, null, new BigDecimal("25"), new BigDecimal("35.00"), null, Sort.PRICE_ASC, 1, 20));
            assertThat(hits.productIds()).containsExactlyInAnyOrder(MOUSE.id(), DESK_LAMP.id(), SKILLET.id());

            SearchHits below =
                    engine.search(request(null, null, null, null, new BigDecimal("9.99"), null, Sort.PRICE_ASC, 1, 20));
            assertThat(below.productIds()).containsExactly(CABLE.id());
        }

        @Test
        void theRatingBoundIsInclusive() {
            SearchHits hits = engine.search(
                    request(null, null, null, null, null, new BigDecimal("4.8"), Sort.RATING_DESC, 1, 20));
            assertThat(hits.productIds()).containsExactly(KNIFE.id(), LAPTOP_PRO.id(), SKILLET.id());
        }

        @Test
        void sortsByPrice() {
            assertThat(browse("phones", null, Sort.PRICE_ASC).productIds())
                    .containsExactly(PHONE_CASE.id(), BUDGET_PHONE.id(), GALAXY.id(), SMARTPHONE.id());
            assertThat(browse("phones", null, Sort.PRICE_DESC).productIds())
                    .containsExactly(SMARTPHONE.id(), GALAXY.id(), BUDGET_PHONE.id(), PHONE_CASE.id());
        }

        @Test
        void sortsByRatingThenReviewCount() {
            assertThat(browse("computers", null, Sort.RATING_DESC).productIds())
                    .containsExactly(
                            LAPTOP_PRO.id(), // 4.8
                            KEYBOARD.id(), // 4.7
                            MOUSE.id(), // 4.5, 1000 reviews
                            GAMING_LAPTOP.id(), // 4.5, 300 reviews
                            CABLE.id(), // 4.4
                            ULTRABOOK.id(), // 4.2
                            SLEEVE.id(), // 4.1
                            BUDGET_LAPTOP.id()); // 4.0
        }

        @Test
        void sortsNewestFirst() {
            assertThat(browse("home", null, Sort.NEWEST).productIds())
                    .containsExactly(
                            FLOOR_LAMP.id(), DESK_LAMP.id(), WHISK.id(), SKILLET.id(), ESPRESSO.id(), KNIFE.id());
        }

        @Test
        void sortsByPriceWithinAQuery() {
            assertThat(ids(request("laptop", null, null, null, null, null, Sort.PRICE_ASC, 1, 20)))
                    .containsExactly(
                            SLEEVE.id(), BUDGET_LAPTOP.id(), ULTRABOOK.id(), GAMING_LAPTOP.id(), LAPTOP_PRO.id());
        }

        @Test
        void pagesThroughTheResults() {
            List<UUID> all = browse(null, null, Sort.NEWEST).productIds();
            List<UUID> paged = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                SearchHits hits = engine.search(request(null, null, null, null, null, null, Sort.NEWEST, page, 5));
                assertThat(hits.total()).isEqualTo(ACTIVE);
                assertThat(hits.productIds()).hasSize(page < 4 ? 5 : 3);
                paged.addAll(hits.productIds());
            }
            assertThat(paged).isEqualTo(all);

            SearchHits beyond = engine.search(request(null, null, null, null, null, null, Sort.NEWEST, 5, 5));
            assertThat(beyond.productIds()).isEmpty();
            assertThat(beyond.total()).isEqualTo(ACTIVE);
            assertThat(beyond.facets().brands()).isNotEmpty();
        }

        @Test
        void refusesPagesBeyondTheResultWindow() {
            assertThatThrownBy(() -> engine.search(request(null, null, null, null, null, null, Sort.NEWEST, 1001, 10)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class FacetCounts {

        @Test
        void withEnoughProductsMatchingEveryWordTheFacetsCountOnlyThose() {
            // one product has both words: too few, so the facets count every product matching either word
            assertThat(engine.search(query("budget phone")).facets().categories())
                    .extracting(FacetCount::value)
                    .contains("laptops", "phones");

            int enough = RelevanceRules.MIN_EVERY_WORD_MATCHES_FOR_FACETS;
            for (int i = 1; i < enough; i++) {
                engine.upsert(twin(BUDGET_PHONE, "BP" + i, 10));
            }
            engine.flush();
            SearchHits hits = engine.search(query("budget phone"));

            assertThat(hits.facets().categories())
                    .extracting(FacetCount::value, FacetCount::count)
                    .containsExactly(tuple("phones", (long) enough));
            assertThat(hits.facets().brands())
                    .extracting(FacetCount::value, FacetCount::count)
                    .containsExactly(tuple("xiaomi", (long) enough));
            // the results still hold the products matching some of the words, after those matching all
            assertThat(hits.total()).isGreaterThan(enough);
        }

        @Test
        void countCategoriesBrandsAndPriceRanges() {
            Facets facets = browse(null, null).facets();

            assertThat(facets.categories())
                    .containsExactly(
                            new FacetCount("computer-accessories", "Computer Accessories", 4),
                            new FacetCount("kitchen", "Kitchen", 4),
                            new FacetCount("laptops", "Laptops", 4),
                            new FacetCount("phones", "Phones", 4),
                            new FacetCount("lighting", "Lighting", 2));
            assertThat(facets.brands())
                    .startsWith(
                            new FacetCount("apple", "Apple", 2),
                            new FacetCount("ikea", "IKEA", 2),
                            new FacetCount("logitech", "Logitech", 2),
                            new FacetCount("anker", "Anker", 1))
                    .contains(new FacetCount("case logic", "Case Logic", 1))
                    .hasSize(15);
            assertThat(facets.priceRanges())
                    .containsExactly(
                            range(0, 10, 1),
                            range(10, 25, 3),
                            range(25, 50, 3),
                            range(50, 100, 2),
                            range(100, 250, 2),
                            range(250, 500, 2),
                            range(500, 1000, 3),
                            range(1000, null, 2));
        }

        @Test
        void emptyBucketsAreLeftOut() {
            Facets facets = browse("kitchen", null).facets();
            assertThat(facets.priceRanges())
                    .containsExactly(range(10, 25, 1), range(25, 50, 1), range(100, 250, 1), range(250, 500, 1));
        }

        @Test
        void aBrandFilterNarrowsOtherFacetsButNotTheBrandFacet() {
            SearchHits hits = browse(null, "Logitech");

            assertThat(hits.total()).isEqualTo(2);
            assertThat(hits.facets().brands())
                    .isEqualTo(browse(null, null).facets().brands());
            assertThat(hits.facets().categories())
                    .containsExactly(new FacetCount("computer-accessories", "Computer Accessories", 2));
            assertThat(hits.facets().priceRanges()).containsExactly(range(25, 50, 1), range(50, 100, 1));
        }

        @Test
        void categoryAndBrandFiltersEachLeaveTheirOwnFacetOpen() {
            SearchHits hits = browse("phones", "apple");

            assertThat(hits.productIds()).containsExactly(SMARTPHONE.id());
            assertThat(hits.facets().categories())
                    .containsExactly(new FacetCount("laptops", "Laptops", 1), new FacetCount("phones", "Phones", 1));
            assertThat(hits.facets().brands())
                    .containsExactly(
                            new FacetCount("apple", "Apple", 1),
                            new FacetCount("samsung", "Samsung", 1),
                            new FacetCount("spigen", "Spigen", 1),
                            new FacetCount("xiaomi", "Xiaomi", 1));
            assertThat(hits.facets().priceRanges()).containsExactly(range(500, 1000, 1));
        }

        @Test
        void aPriceFilterLeavesThePriceFacetOpen() {
            SearchHits hits =
                    engine.search(request(null, null, null, new BigDecimal("100"), null, null, Sort.RELEVANCE, 1, 20));

            assertThat(hits.total()).isEqualTo(9);
            assertThat(hits.facets().priceRanges())
                    .isEqualTo(browse(null, null).facets().priceRanges());
            assertThat(hits.facets().brands()).first().isEqualTo(new FacetCount("apple", "Apple", 2));
            assertThat(hits.facets().brands()).extracting(FacetCount::value).doesNotContain("logitech", "ikea");
        }

        @Test
        void beyondTheExactLimitCountsAreEstimatedFromASampleAndSaySo() {
            int extra = RelevanceRules.FACET_EXACT_LIMIT + RelevanceRules.FACET_EXACT_LIMIT / 2;
            engine.rebuild(
                    Stream.concat(
                            CATALOG.stream(), IntStream.rangeClosed(1, extra).mapToObj(i -> synthetic(i))),
                    "v2",
                    count -> {});

            SearchHits everything = browse(null, null);
            assertThat(everything.total()).isEqualTo(ACTIVE + extra);
            assertThat(everything.facets().estimated()).isTrue();
            // a third of the synthetic products each are laptops, phones and kitchen: the estimate is close
            long laptops = 4 + extra / 3; // the catalog has 4 laptops
            assertThat(everything.facets().categories())
                    .filteredOn(count -> count.value().equals("laptops"))
                    .singleElement()
                    .extracting(FacetCount::count)
                    .satisfies(count -> assertThat(count).isCloseTo(laptops, withinPercentage(5)));
            long categorized = everything.facets().categories().stream()
                    .mapToLong(FacetCount::count)
                    .sum();
            assertThat(categorized).isCloseTo(everything.total(), withinPercentage(5));

            // a narrow query is still counted exactly
            Facets lamps = engine.search(query("lamp")).facets();
            assertThat(lamps.estimated()).isFalse();
            assertThat(lamps.categories()).containsExactly(new FacetCount("lighting", "Lighting", 2));
        }

        @Test
        void withoutFacetCountingTheSamePageComesBackAlone() {
            SearchRequest request = request("laptop", null, null, null, null, null, Sort.RELEVANCE, 1, 3);
            SearchHits counted = engine.search(request);
            SearchHits uncounted = engine.search(request, false);

            assertThat(counted.facets().categories()).isNotEmpty();
            assertThat(uncounted.productIds()).isEqualTo(counted.productIds());
            assertThat(uncounted.total()).isEqualTo(counted.total());
            assertThat(uncounted.facets()).isEqualTo(Facets.NONE);
        }

        @Test
        void facetsFollowTheQueryText() {
            Facets facets = engine.search(query("lamp")).facets();
            assertThat(facets.categories()).containsExactly(new FacetCount("lighting", "Lighting", 2));
            assertThat(facets.brands()).containsExactly(new FacetCount("ikea", "IKEA", 2));
        }
    }

    @Nested
    class Suggestions {

        @Test
        void completeTitleWordsMostPopularFirst() {
            assertThat(texts(engine.suggest("lap", 4)))
                    .containsExactly("Laptop Pro 15", "Gaming Laptop 17", "Budget Laptop 14", "Laptop Sleeve 15");
            assertThat(texts(engine.suggest("phone", 10))).startsWith("Galaxy Phone S", "Budget Phone", "Phone Case");
        }

        @Test
        void carryTheProductAndItsPopularity() {
            assertThat(engine.suggest("espr", 5))
                    .containsExactly(new Suggestion("Espresso Machine", ESPRESSO.id(), ESPRESSO.popularity()));
        }

        @Test
        void prefixMatchesComeBeforeTypoMatches() {
            // "Lamp" is one edit from "lap" and the lamps would be found, but only after every real prefix match
            List<String> texts = texts(engine.suggest("lap", 10));
            assertThat(texts)
                    .startsWith("Laptop Pro 15", "Gaming Laptop 17", "Budget Laptop 14", "Laptop Sleeve 15")
                    .contains("Desk Lamp", "Floor Lamp");
            assertThat(texts.indexOf("Desk Lamp")).isGreaterThan(texts.indexOf("Laptop Sleeve 15"));
        }

        @Test
        void tolerateATypo() {
            assertThat(texts(engine.suggest("labt", 4)))
                    .containsExactly("Laptop Pro 15", "Gaming Laptop 17", "Budget Laptop 14", "Laptop Sleeve 15");
            assertThat(texts(engine.suggest("lpato", 5))).contains("Laptop Pro 15");
            assertThat(texts(engine.suggest("keyb", 5))).containsExactly("Mechanical Keyboard");
        }

        @Test
        void everyTypedWordMustMatch() {
            assertThat(texts(engine.suggest("gaming lap", 5))).containsExactly("Gaming Laptop 17");
            assertThat(texts(engine.suggest("cast iron sk", 5))).containsExactly("Cast Iron Skillet");
        }

        @Test
        void neverSuggestInactiveProducts() {
            assertThat(texts(engine.suggest("laptop st", 5))).doesNotContain("Laptop Stand");

            engine.upsert(inactive(MOUSE));
            engine.flush();
            assertThat(engine.suggest("wireless", 5)).isEmpty();
        }

        @Test
        void suggestEachTextOnce() {
            IndexableProduct copy = twin(MOUSE, "A9", 10);
            engine.upsert(copy);
            engine.flush();

            assertThat(engine.suggest("wire", 5))
                    .containsExactly(new Suggestion("Wireless Mouse", MOUSE.id(), MOUSE.popularity()));
        }

        @Test
        void respectTheLimitAndIgnoreBlankInput() {
            assertThat(engine.suggest("lap", 2)).hasSize(2);
            assertThat(engine.suggest("  ", 5)).isEmpty();
            assertThat(engine.suggest("lap", 0)).isEmpty();
            assertThat(engine.suggest("zzzzzz", 5)).isEmpty();
        }
    }

    @Nested
    class DidYouMean {

        private final IndexableProduct coffeeTable = product(
                "T1",
                "Walnut Coffee Table",
                "Solid wood with a lower shelf",
                "Acme",
                "249.00",
                "4.6",
                40,
                KITCHEN,
                200,
                40);

        @BeforeEach
        void addTheTable() {
            engine.upsert(coffeeTable);
            engine.flush();
        }

        @Test
        void replacesUnknownWordsByTheClosestIndexedWords() {
            String corrected = engine.correctSpelling("cofee tabel");

            assertThat(corrected).isEqualTo("coffee table");
            assertThat(ids(query(corrected))).first().isEqualTo(coffeeTable.id());
        }

        @Test
        void correctsFromDescriptionsToo() {
            assertThat(engine.correctSpelling("tactle swiches")).isEqualTo("tactile switches");
        }

        @Test
        void keepsKnownWordsAndCorrectsOnlyTheOthers() {
            assertThat(engine.correctSpelling("walnut tabel")).isEqualTo("walnut table");
        }

        @Test
        void suggestsNothingWhenEveryWordIsKnown() {
            assertThat(engine.correctSpelling("laptop")).isNull();
            assertThat(engine.correctSpelling("coffee table")).isNull();
        }

        @Test
        void suggestsNothingForNonsenseWithNoCloseWord() {
            assertThat(engine.correctSpelling("zqxjvw")).isNull();
            assertThat(engine.correctSpelling("  ")).isNull();
        }
    }

    @Nested
    class Changes {

        @Test
        void anUpsertChangesWhatSearchesSee() {
            engine.upsert(withPrice(BUDGET_LAPTOP, "5.00"));
            engine.flush();

            assertThat(browse("laptops", null, Sort.PRICE_ASC).productIds().getFirst())
                    .isEqualTo(BUDGET_LAPTOP.id());
            assertThat(engine.search(request(null, null, null, null, new BigDecimal("5"), null, Sort.PRICE_ASC, 1, 10))
                            .productIds())
                    .containsExactly(BUDGET_LAPTOP.id());
            assertThat(engine.size()).isEqualTo(ACTIVE);
        }

        @Test
        void anInactiveUpsertRemovesTheProduct() {
            engine.upsert(inactive(ESPRESSO));
            engine.flush();

            assertThat(ids(query("espresso"))).isEmpty();
            assertThat(engine.size()).isEqualTo(ACTIVE - 1);
        }

        @Test
        void aNewProductIsSearchableWithinASecondWithoutFlushing() {
            IndexableProduct drone =
                    product("N1", "Camera Drone", "Folds into a pocket", "DJI", "799.00", "4.7", 10, PHONES, 10, 40);
            engine.upsert(drone);

            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> ids(query("drone")).equals(List.of(drone.id())));
            assertThat(texts(engine.suggest("dro", 5))).first().isEqualTo("Camera Drone");
        }

        @Test
        void aDeletedProductDisappears() {
            engine.delete(SKILLET.id());
            engine.delete(UUID.randomUUID()); // unknown ids are fine
            engine.flush();

            assertThat(ids(query("skillet"))).isEmpty();
            assertThat(engine.size()).isEqualTo(ACTIVE - 1);
        }

        @Test
        void concurrentSearchesAndUpsertsAllSucceed() throws Exception {
            int rounds = concurrentRounds();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    tasks.add(pool.submit(() -> {
                        for (int i = 0; i < rounds; i++) {
                            assertThat(engine.search(query("laptop")).total()).isGreaterThanOrEqualTo(5);
                            assertThat(engine.suggest("lap", 5)).isNotEmpty();
                        }
                    }));
                }
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        engine.upsert(synthetic(i));
                    }
                }));
                for (Future<?> task : tasks) {
                    task.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            engine.flush();
            assertThat(engine.size()).isEqualTo(ACTIVE + rounds);
        }
    }

    @Nested
    class Rebuilds {

        @Test
        void reportProgressAndSkipInactiveProducts() {
            List<Long> progress = new CopyOnWriteArrayList<>();
            Stream<IndexableProduct> products =
                    IntStream.range(0, 2_510).mapToObj(i -> i % 251 == 0 ? inactive(synthetic(i)) : synthetic(i));

            long indexed = engine.rebuild(products, "v2", progress::add);

            assertThat(indexed).isEqualTo(2_500);
            assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
            assertThat(engine.size()).isEqualTo(2_500);
            assertThat(engine.storedCatalogVersion()).isEqualTo("v2");
            assertThat(ids(query("espresso"))).isEmpty();
        }

        @Test
        void searchesAnswerFromTheOldIndexUntilTheNewOneIsCompleteAndChangesMadeMeanwhileAreKept() throws Exception {
            IndexableProduct fresh1 =
                    product("R1", "Robot Vacuum", "Maps rooms", "Roborock", "399.00", "4.5", 70, KITCHEN, 70, 50);
            IndexableProduct fresh2 =
                    product("R2", "Smart Speaker", "Voice assistant", "Sonos", "199.00", "4.3", 60, PHONES, 60, 51);
            IndexableProduct staleEspresso = ESPRESSO; // the stream read it before the price change below
            CountDownLatch halfway = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            Stream<IndexableProduct> slowStream =
                    pausingAfterFirst(List.of(fresh1, staleEspresso, fresh2, MOUSE), halfway, resume);

            AtomicBoolean rebuilding = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Long> totalsSeen = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> suggestionsSeen = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            Future<?> searcher = threads.submit(() -> {
                while (rebuilding.get()) {
                    totalsSeen.add(engine.search(query("")).total());
                    suggestionsSeen.addAll(texts(engine.suggest("rob", 3)));
                    LockSupport.parkNanos(1_000_000);
                }
            });
            Future<Long> rebuild = threads.submit(() -> engine.rebuild(slowStream, "v2", count -> {}));

            assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.storedCatalogVersion()).isEqualTo("v1");
            assertThat(engine.size()).isEqualTo(ACTIVE);
            assertThat(ids(query("robot"))).isEmpty();

            IndexableProduct drone =
                    product("N1", "Camera Drone", "Folds into a pocket", "DJI", "799.00", "4.7", 10, PHONES, 10, 40);
            engine.upsert(drone);
            engine.upsert(withPrice(ESPRESSO, "450.00"));
            engine.delete(fresh1.id()); // already indexed by the rebuild: the delete must still win
            engine.delete(MOUSE.id()); // not yet streamed: must not come back with the stream
            engine.flush();
            assertThat(ids(query("drone"))).containsExactly(drone.id()); // the old index stays live

            resume.countDown();
            assertThat(rebuild.get(60, TimeUnit.SECONDS)).isEqualTo(4);
            rebuilding.set(false);
            searcher.get(30, TimeUnit.SECONDS);
            threads.shutdown();

            assertThat(engine.storedCatalogVersion()).isEqualTo("v2");
            assertThat(browse(null, null).productIds())
                    .containsExactlyInAnyOrder(fresh2.id(), ESPRESSO.id(), drone.id());
            assertThat(engine.search(request(
                                    "espresso", null, null, null, new BigDecimal("450"), null, Sort.RELEVANCE, 1, 10))
                            .productIds())
                    .containsExactly(ESPRESSO.id());
            assertOnlyTheServedIndexIsKept();
            // every answer came from one complete index or the other, never from a half-built one
            assertThat(totalsSeen)
                    .isNotEmpty()
                    .allSatisfy(total -> assertThat(total).isIn((long) ACTIVE, ACTIVE + 1L, 3L));
            assertThat(suggestionsSeen).doesNotContain("Robot Vacuum");
        }

        @Test
        void aFailedRebuildKeepsTheOldIndex() {
            Stream<IndexableProduct> failing = Stream.concat(
                    Stream.of(synthetic(1), synthetic(2)),
                    Stream.<IndexableProduct>generate(() -> {
                                throw new IllegalStateException("database went away");
                            })
                            .limit(1));

            assertThatThrownBy(() -> engine.rebuild(failing, "v2", count -> {}))
                    .hasMessageContaining("database went away");

            assertThat(engine.storedCatalogVersion()).isEqualTo("v1");
            assertThat(engine.size()).isEqualTo(ACTIVE);
            assertOnlyTheServedIndexIsKept();
            engine.upsert(synthetic(3));
            engine.flush();
            assertThat(engine.size()).isEqualTo(ACTIVE + 1);
        }

        @Test
        void aReopenedEngineFindsTheIndexAndItsCatalogVersion() {
            IndexableProduct drone =
                    product("N1", "Camera Drone", "Folds into a pocket", "DJI", "799.00", "4.7", 10, PHONES, 10, 40);
            engine.upsert(drone); // not flushed: closing commits it
            engine.close();

            engine = openEngine();

            assertThat(engine.storedCatalogVersion()).isEqualTo("v1");
            assertThat(engine.size()).isEqualTo(ACTIVE + 1);
            assertThat(ids(query("espresso"))).containsExactly(ESPRESSO.id());
            assertThat(ids(query("drone"))).containsExactly(drone.id());
        }

        @Test
        void aReopenedEngineAfterARebuildUsesTheNewGeneration() {
            engine.rebuild(Stream.of(synthetic(1), synthetic(2)), "v2", count -> {});
            engine.close();

            engine = openEngine();

            assertThat(engine.storedCatalogVersion()).isEqualTo("v2");
            assertThat(engine.size()).isEqualTo(2);
        }

        @Test
        void anEngineWithoutAnIndexFindsNothing() {
            try (SearchEngine empty = openEngineWithoutIndex()) {
                assertThat(empty.storedCatalogVersion()).isNull();
                assertThat(empty.size()).isZero();
                SearchHits hits = empty.search(query("laptop"));
                assertThat(hits.total()).isZero();
                assertThat(hits.facets()).isEqualTo(Facets.NONE);
                assertThat(empty.suggest("lap", 5)).isEmpty();
            }
        }

        @Test
        void aClosedEngineRefusesWork() {
            engine.close();
            assertThatThrownBy(() -> engine.search(query("laptop"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> engine.upsert(MOUSE)).isInstanceOf(IllegalStateException.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    protected SearchHits browse(String category, String brand) {
        return browse(category, brand, Sort.RELEVANCE);
    }

    protected SearchHits browse(String category, String brand, Sort sort) {
        return engine.search(request(null, category, brand, null, null, null, sort, 1, 50));
    }

    protected List<UUID> ids(SearchRequest request) {
        return engine.search(request).productIds();
    }

    protected static SearchRequest query(String text) {
        return request(text, null, null, null, null, null, Sort.RELEVANCE, 1, 50);
    }

    protected static SearchRequest request(
            String query,
            String category,
            String brand,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            BigDecimal minRating,
            Sort sort,
            int page,
            int limit) {
        return new SearchRequest(query, category, brand, minPrice, maxPrice, minRating, sort, page, limit);
    }

    private static PriceRangeCount range(int from, Integer to, long count) {
        return new PriceRangeCount(BigDecimal.valueOf(from), to == null ? null : BigDecimal.valueOf(to), count);
    }

    private static List<String> texts(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::text).toList();
    }

    /** Emits the first product, then blocks until {@code resume} after signalling {@code halfway}. */
    private static Stream<IndexableProduct> pausingAfterFirst(
            List<IndexableProduct> products, CountDownLatch halfway, CountDownLatch resume) {
        Iterator<IndexableProduct> iterator = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < products.size();
            }

            @Override
            public IndexableProduct next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (next == 2) {
                    halfway.countDown();
                    try {
                        if (!resume.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never resumed");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return products.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, 0), false);
    }

    private static final String[] COLOURS = {"red", "blue", "green", "black", "white"};
    private static final String[] NOUNS = {"widget", "gadget", "gizmo", "doohickey", "sprocket", "bracket"};

    protected static IndexableProduct synthetic(int i) {
        String title = COLOURS[i % COLOURS.length] + " " + NOUNS[i % NOUNS.length] + " model " + i;
        List<String> path = switch (i % 3) {
            case 0 -> LAPTOPS;
            case 1 -> PHONES;
            default -> KITCHEN;
        };
        return product(
                "S" + i,
                title,
                "Synthetic product number " + i + " for load",
                "Brand" + (i % 40),
                BigDecimal.valueOf(100 + i % 5000, 2).toPlainString(),
                BigDecimal.valueOf(10 + i % 41, 1).toPlainString(),
                i % 500,
                path,
                i % 997,
                i % 365);
    }

    protected static IndexableProduct product(
            String key,
            String title,
            String description,
            String brand,
            String price,
            String rating,
            int reviews,
            List<String> path,
            long popularity,
            int day) {
        String leaf = path.getLast();
        Instant created = EPOCH.plus(Duration.ofDays(day));
        return new IndexableProduct(
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
                title,
                description,
                brand,
                Money.of(price, "EUR"),
                new BigDecimal(rating),
                reviews,
                leaf,
                CATEGORY_NAMES.getOrDefault(leaf, leaf),
                path,
                true,
                popularity,
                created,
                created);
    }

    static IndexableProduct inactive(IndexableProduct p) {
        return copy(p, p.id(), p.price(), false, p.popularity());
    }

    static IndexableProduct withPrice(IndexableProduct p, String price) {
        return copy(p, p.id(), Money.of(price, p.price().currency()), p.active(), p.popularity());
    }

    /** Same texts, brand and category under another id. */
    static IndexableProduct twin(IndexableProduct p, String key, long popularity) {
        return copy(p, UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), p.price(), true, popularity);
    }

    private static IndexableProduct copy(IndexableProduct p, UUID id, Money price, boolean active, long popularity) {
        return new IndexableProduct(
                id,
                p.title(),
                p.description(),
                p.brand(),
                price,
                p.rating(),
                p.reviewCount(),
                p.categorySlug(),
                p.categoryName(),
                p.categoryPath(),
                active,
                popularity,
                p.createdAt(),
                p.updatedAt());
    }
}
