package dev.bazaar.bench.templates;

import dev.bazaar.bench.templates.Model.Card;
import dev.bazaar.bench.templates.Model.Crumb;
import dev.bazaar.bench.templates.Model.Page;
import dev.bazaar.bench.templates.Model.ProductView;
import dev.bazaar.bench.templates.Model.Review;
import dev.bazaar.bench.templates.Model.Spec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product page as the demo store shows it: 3 bundle cards, 8 also-bought, 8 related, 10 reviews. Titles and
 * comments carry {@code <}, {@code &} and quotes so both engines escape on every card.
 */
public final class Fixtures {

    private Fixtures() {
    }

    private static final String[] TITLES = {
        "White Hanging Heart T-Light Holder", "Regency Cakestand 3 Tier", "Jumbo Bag Red \"Retrospot\"",
        "Party Bunting & Flags", "Lunch Bag <Red> Retrospot", "Set of 3 Cake Tins Pantry Design",
        "Paper Chain Kit 50's Christmas", "Assorted Colour Bird Ornament", "Natural Slate Heart Chalkboard",
        "Heart of Wicker Small", "Jam Making Set with Jars", "Spotty Bunting",
        "Wooden Frame Antique White", "Alarm Clock Bakelike Red", "Vintage Snap Cards & Games",
        "Hand Warmer Union Jack", "Glass Star Frosted T-Light Holder", "Doormat \"Home Sweet Home\"",
        "Lantern <Antique> Silver", "Pack of 72 Retrospot Cake Cases"};

    private static final String[] CATEGORIES = {"home-decor", "kitchen", "bags", "party", "christmas", "garden"};

    public static Page page() {
        List<Crumb> path = List.of(new Crumb("home-garden", "Home & Garden"), new Crumb("home-decor", "Home <Décor>"));
        List<Spec> specs = List.of(new Spec("Colour", "White & cream"), new Spec("Material", "Metal, glass"),
                new Spec("Height", "16 cm"), new Spec("Pack", "1 holder, 6 \"tea lights\""));
        ProductView product = new ProductView(85123, "White Hanging Heart T-Light Holder <Large> & \"Deluxe\"",
                "Bazaar & Co.", "85123A", new BigDecimal("12.75"), "USD", new BigDecimal("4.3"), 128,
                "A white metal heart to hang a tea light in: 16 cm tall, with a glass holder & a \"frosted\" finish. "
                        + "Looks <lovely> in a window, on a shelf or above the fireplace; wipe clean with a dry cloth.",
                path, specs, Map.of(5, 70L, 4, 30L, 3, 15L, 2, 8L, 1, 5L), 42, true,
                List.of("/media/85123/1.webp", "/media/85123/2.webp", "/media/85123/3.webp"));
        Card thisCard = card(0, product.id(), product.title());
        List<Card> bundle = cards(1, 2);
        BigDecimal total = thisCard.price();
        for (Card c : bundle) {
            total = total.add(c.price());
        }
        List<Review> reviews = new ArrayList<>();
        String[] authors = {"Ada L.", "Grace <H>", "O'Brien", "Zoë & Max", "\"Tim\"", "Linus", "Barbara", "Ken", "Margaret", "Dennis"};
        for (int i = 0; i < 10; i++) {
            reviews.add(new Review(1000 + i, 500 + i, authors[i], LocalDate.of(2026, 1 + i, 3 + i), 5 - i % 5,
                    "Review " + i + ": lovely & sturdy, the \"heart\" shape is <exactly> as pictured. Arrived quickly, "
                            + "well packed; I bought a second one for my sister's house. Would recommend to anyone.",
                    i % 3 != 2, (i * 7) % 23));
        }
        return new Page(product, thisCard, bundle, total, cards(3, 8), cards(11, 8), List.copyOf(reviews), "helpful",
                3, "heart & \"holder\"", 5);
    }

    private static List<Card> cards(int from, int count) {
        List<Card> cards = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            cards.add(card(i, 20000 + i, TITLES[i % TITLES.length]));
        }
        return List.copyOf(cards);
    }

    private static Card card(int i, long id, String title) {
        return new Card(id, title, CATEGORIES[i % CATEGORIES.length],
                i % 2 == 0 ? "/media/" + id + "/card.webp" : null,
                new BigDecimal(i % 7 == 3 ? "0" : "3." + (i % 10)), i % 7 == 3 ? 0 : 3 + i * 11,
                new BigDecimal(1 + i * 3 + ".95"), "USD", i % 9 == 5 ? 0 : 10 + i);
    }
}
