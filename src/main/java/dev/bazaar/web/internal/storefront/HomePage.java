package dev.bazaar.web.internal.storefront;

import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.catalog.ProductBrowsing;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.recommendation.ProductRecommendations;
import dev.bazaar.recommendation.ProductRecommendations.Recommended;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a signed-in shopper's recommendations with their reasons, popular products otherwise. */
@Controller
class HomePage {

    private static final Logger log = LoggerFactory.getLogger(HomePage.class);
    private static final int SHOWN = 12;

    private final ProductRecommendations recommendations;
    private final ProductBrowsing catalog;

    HomePage(ProductRecommendations recommendations, ProductBrowsing catalog) {
        this.recommendations = recommendations;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        Optional<CurrentUser> shopper = CurrentUser.ofCurrentRequest();
        model.addAttribute("personalized", shopper.isPresent());
        model.addAttribute("recommended", recommended(shopper));
        model.addAttribute("popular", shopper.isPresent() ? popular() : List.of());
        List<CategoryNode> tree = catalog.categoryTree();
        model.addAttribute("categories", tree);
        return "storefront/home";
    }

    private List<Recommended> recommended(Optional<CurrentUser> shopper) {
        List<Recommended> found;
        try {
            found = shopper.isPresent()
                    ? recommendations.forShopper(shopper.map(CurrentUser::id), SHOWN)
                    : recommendations.popular(null, SHOWN);
        } catch (RuntimeException e) {
            // recommendations are a nicety: the page still serves products, categories and search
            log.warn("Recommendations unavailable for the home page", e);
            found = List.of();
        }
        if (!found.isEmpty()) {
            return found;
        }
        // no behaviour yet (a new store, or the models still training): the catalog's own popular order
        return catalog
                .list(new ProductBrowsing.ListingFilter(null, null, null, null, null, null, 1, SHOWN))
                .products()
                .stream()
                .map(card -> new Recommended(card, 0, null))
                .toList();
    }

    private List<Recommended> popular() {
        try {
            return recommendations.popular(null, 6);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
