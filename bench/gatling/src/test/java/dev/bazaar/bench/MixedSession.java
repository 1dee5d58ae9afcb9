package dev.bazaar.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One shopper's visit, in the seed's mix. The seed's throughput targets (product details 30K, get cart 20K, add to
 * cart 15K, search 10K, recommendations 5K requests/s) are in the ratio 6 : 4 : 3 : 2 : 1, so a visit makes six
 * product views, four cart reads, three additions, two searches and one recommendations call, plus the category
 * page it starts from and, for a share of visits, a checkout:
 *
 * <pre>
 * browse a category → cart → recommendations → search → view ×3 (of what the search found) → search → view ×3
 *   → (add → cart) ×3 → checkout (bench.checkoutShare of visits)
 * </pre>
 *
 * with a think time between steps. Each step is its own request name ({@code "mixed @ 10/s: search"}).
 */
final class MixedSession {

    private final ShopRequests shop;
    private final BenchSettings settings;

    MixedSession(ShopRequests shop, BenchSettings settings) {
        this.shop = shop;
        this.settings = settings;
    }

    ChainBuilder session(String stage) {
        double checkoutPercent = settings.checkoutShare() * 100;
        return exec(
                feed(shop.shoppers("mixed")),
                shop.browse(stage + ": browse"),
                think(),
                shop.getCart(stage + ": cart"),
                think(),
                shop.recommendations(stage + ": recommendations"),
                think(),
                searchAndView(stage),
                searchAndView(stage),
                addAndLook(stage),
                addAndLook(stage),
                addAndLook(stage),
                randomSwitch().on(new Choice.WithWeight(checkoutPercent, shop.checkout(stage + ": checkout"))));
    }

    private ChainBuilder searchAndView(String stage) {
        return exec(
                shop.searchKeepingResults(stage + ": search"),
                think(),
                view(stage),
                think(),
                view(stage),
                think(),
                view(stage),
                think());
    }

    /** Views a product the last search found, or any product when it found none in stock. */
    private ChainBuilder view(String stage) {
        return exec(session -> pickFound(session, "productId"))
                .doIf(session -> !session.contains("productId"))
                .then(shop.feedProduct())
                .exec(shop.productDetailsOfSessionProduct(stage + ": details"));
    }

    /** Adds a product the searches found (in stock), or any product with stock, and looks at the cart. */
    private ChainBuilder addAndLook(String stage) {
        return exec(session -> pickFound(session, "addId"))
                .doIf(session -> !session.contains("addId"))
                .then(shop.feedAddable().exec(session -> session.set("addId", session.getString("addableId"))))
                .exec(shop.addSessionProductToCart(stage + ": add", "addId"), think(), shop.getCart(stage + ": cart"))
                .exec(think());
    }

    private static Session pickFound(Session session, String attribute) {
        List<Object> found = session.contains("found") ? session.getList("found") : List.of();
        if (found.isEmpty()) {
            return session.remove(attribute);
        }
        return session.set(
                attribute, found.get(ThreadLocalRandom.current().nextInt(found.size())).toString());
    }

    private ChainBuilder think() {
        return exec(pause(settings.thinkTimeMin(), settings.thinkTimeMax()));
    }
}
