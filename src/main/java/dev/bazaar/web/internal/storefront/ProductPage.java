package dev.bazaar.web.internal.storefront;

import dev.bazaar.cart.ShopperCarts;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.catalog.ProductBrowsing;
import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.recommendation.ProductRecommendations;
import dev.bazaar.recommendation.ProductRecommendations.BoughtTogether;
import dev.bazaar.review.ShopperReviews;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A product: price, stock, add to cart, specifications, rating summary and reviews, frequently bought together
 * (with one click to add them all), what its buyers also bought, and related products. The id alone resolves;
 * the slug after it is for people and search engines.
 */
@Controller
class ProductPage {

    private static final Logger log = LoggerFactory.getLogger(ProductPage.class);
    static final int BUNDLE_SIZE = 2;
    static final int LOW_STOCK = 5;

    private final ProductBrowsing catalog;
    private final ProductCatalog cards;
    private final ShopperReviews reviews;
    private final ProductRecommendations recommendations;
    private final ShopperCarts carts;

    ProductPage(
            ProductBrowsing catalog,
            ProductCatalog cards,
            ShopperReviews reviews,
            ProductRecommendations recommendations,
            ShopperCarts carts) {
        this.catalog = catalog;
        this.cards = cards;
        this.reviews = reviews;
        this.recommendations = recommendations;
        this.carts = carts;
    }

    @GetMapping({"/products/{id}", "/products/{id}/{slug}"})
    String product(
            @PathVariable UUID id,
            @RequestParam(name = "reviews", required = false) String reviewSort,
            @RequestParam(name = "reviewPage", defaultValue = "1") int reviewPage,
            HttpServletRequest request,
            Model model) {
        Optional<CurrentUser> shopper = CurrentUser.ofCurrentRequest();
        ProductDetails product = catalog.details(id, shopper, carts.guestToken(request));
        model.addAttribute("product", product);
        model.addAttribute("lowStock", LOW_STOCK);
        model.addAttribute("reviewSort", reviewSort == null ? "newest" : reviewSort);
        model.addAttribute("reviews", reviews.list(id, reviewSort, Math.max(1, Math.min(reviewPage, 1_000)), 10));
        model.addAttribute(
                "ownReview", shopper.flatMap(user -> reviews.own(user.id(), id)).orElse(null));
        List<BoughtTogether> together = optional(() -> recommendations.boughtTogether(id, 10), "bought together");
        List<ProductCard> bundle = together.stream()
                .map(BoughtTogether::product)
                .filter(card -> card.stock() > 0
                        && card.price().currency().equals(product.price().currency()))
                .limit(BUNDLE_SIZE)
                .toList();
        model.addAttribute("bundle", bundle);
        // the product itself, first in the bundle, as every list shows it (its thumbnail, its card's fields)
        model.addAttribute("thisCard", bundle.isEmpty() ? null : cards.card(id).orElse(null));
        model.addAttribute("bundleTotal", bundleTotal(product, bundle));
        model.addAttribute(
                "alsoBought",
                together.stream()
                        .map(BoughtTogether::product)
                        .filter(card -> !bundle.contains(card))
                        .limit(8)
                        .toList());
        model.addAttribute("related", product.relatedProducts() == null ? List.of() : product.relatedProducts());
        return "storefront/product";
    }

    private static Money bundleTotal(ProductDetails product, List<ProductCard> bundle) {
        return bundle.stream().map(ProductCard::price).reduce(product.price(), Money::plus);
    }

    private static <T> List<T> optional(Supplier<List<T>> source, String what) {
        try {
            return source.get();
        } catch (RuntimeException e) {
            // a recommendation list is a nicety: the product page must not fail for it
            log.warn("Product page without {}: {}", what, e.toString());
            return List.of();
        }
    }
}
