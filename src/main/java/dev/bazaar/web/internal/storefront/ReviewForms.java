package dev.bazaar.web.internal.storefront;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.review.ShopperReviews;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing, editing and deleting one's review, and voting another's helpful; each returns to the product. */
@Controller
class ReviewForms {

    private final ShopperReviews reviews;

    ReviewForms(ShopperReviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/products/{productId}/reviews")
    String write(
            CurrentUser user,
            @PathVariable UUID productId,
            @RequestParam(defaultValue = "0") int rating,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        try {
            var own = reviews.own(user.id(), productId);
            if (own.isPresent()) {
                reviews.edit(user, own.get().id(), rating, comment);
            } else {
                reviews.submit(user, productId, rating, comment);
            }
            redirect.addFlashAttribute("reviewSaved", true);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("reviewProblem", refused.getMessage());
        }
        return "redirect:/products/" + productId + "#reviews";
    }

    @PostMapping("/reviews/{reviewId}/helpful")
    String helpful(
            CurrentUser user, @PathVariable UUID reviewId, @RequestParam UUID productId, RedirectAttributes redirect) {
        try {
            reviews.markHelpful(user, reviewId);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("reviewProblem", refused.getMessage());
        }
        return "redirect:/products/" + productId + "#reviews";
    }

    @PostMapping("/reviews/{reviewId}/delete")
    String delete(
            CurrentUser user, @PathVariable UUID reviewId, @RequestParam UUID productId, RedirectAttributes redirect) {
        try {
            reviews.delete(user, reviewId);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("reviewProblem", refused.getMessage());
        }
        return "redirect:/products/" + productId + "#reviews";
    }
}
