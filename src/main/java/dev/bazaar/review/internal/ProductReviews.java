package dev.bazaar.review.internal;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.identity.Customers;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.Pagination;
import dev.bazaar.review.ReviewChanged;
import dev.bazaar.review.ReviewDeleted;
import dev.bazaar.review.ReviewSubmitted;
import dev.bazaar.review.internal.ReviewRequests.EditReview;
import dev.bazaar.review.internal.ReviewRequests.SubmitReview;
import dev.bazaar.review.internal.ReviewViews.ReviewPage;
import dev.bazaar.review.internal.ReviewViews.ReviewView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing, changing, deleting, voting on and listing reviews. Every change of a rating refreshes the product's
 * rating summary through the catalog in the same transaction (see {@link ProductCatalog#refreshRatingSummary}),
 * so concurrent reviews leave it exact. A review someone else wrote answers 404 to edits and deletes, as if it did
 * not exist, except that admins may delete any review.
 */
@Service
class ProductReviews {

    private final ReviewStore reviews;
    private final HelpfulVoteStore votes;
    private final PurchaseStore purchases;
    private final ProductCatalog catalog;
    private final Customers users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ProductReviews(
            ReviewStore reviews,
            HelpfulVoteStore votes,
            PurchaseStore purchases,
            ProductCatalog catalog,
            Customers users,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.reviews = reviews;
        this.votes = votes;
        this.purchases = purchases;
        this.catalog = catalog;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
    }

    ReviewView submit(CurrentUser author, UUID productId, SubmitReview request) {
        requireActiveProduct(productId);
        String comment = PlainText.comment(request.comment());
        ReviewRow review = transactions.execute(tx -> {
            purchases.lock(author.id(), productId);
            ReviewRow row = reviews.insert(author.id(), productId, request.rating(), comment)
                    .orElseThrow(
                            () -> DomainException.conflict("REVIEW_EXISTS", "You have reviewed this product already"));
            refreshRatingSummary(productId);
            events.publishEvent(new ReviewSubmitted(row.id(), author.id(), productId, row.rating(), Instant.now()));
            return row;
        });
        return view(review);
    }

    ReviewView edit(CurrentUser author, UUID reviewId, EditReview request) {
        ReviewRow review = transactions.execute(tx -> {
            ReviewRow current = reviews.findOwnForUpdate(reviewId, author.id())
                    .orElseThrow(() -> DomainException.notFound("Review"));
            int rating = request.rating() != null ? request.rating() : current.rating();
            String comment = request.comment() != null ? PlainText.comment(request.comment()) : current.comment();
            ReviewRow updated = reviews.update(reviewId, rating, comment);
            if (rating != current.rating()) {
                refreshRatingSummary(current.productId());
            } else {
                catalog.reviewsChanged(current.productId()); // the comment product details show
            }
            events.publishEvent(new ReviewChanged(reviewId, author.id(), current.productId(), rating, Instant.now()));
            return updated;
        });
        return view(review);
    }

    void delete(CurrentUser caller, UUID reviewId) {
        transactions.executeWithoutResult(tx -> {
            ReviewRow deleted = reviews.delete(reviewId, caller.id(), caller.isAdmin())
                    .orElseThrow(() -> DomainException.notFound("Review"));
            refreshRatingSummary(deleted.productId());
            events.publishEvent(new ReviewDeleted(reviewId, deleted.userId(), deleted.productId(), Instant.now()));
        });
    }

    /** Counts the caller's vote that the review was helpful: once per user, never for one's own review. */
    ReviewView markHelpful(CurrentUser voter, UUID reviewId) {
        ReviewRow review = transactions.execute(tx -> {
            ReviewRow current = reviews.findKeyShared(reviewId).orElseThrow(() -> DomainException.notFound("Review"));
            if (current.userId().equals(voter.id())) {
                throw DomainException.unprocessable("OWN_REVIEW", "You cannot vote for your own review");
            }
            if (!votes.add(reviewId, voter.id())) {
                throw DomainException.conflict("ALREADY_VOTED", "You have marked this review as helpful already");
            }
            ReviewRow voted = reviews.incrementHelpful(reviewId);
            catalog.reviewsChanged(voted.productId()); // the helpful count product details show
            return voted;
        });
        return view(review);
    }

    ReviewPage list(UUID productId, String sort, int page, int limit) {
        ReviewSort order = sort == null
                ? ReviewSort.NEWEST
                : ReviewSort.fromParameter(sort)
                        .orElseThrow(
                                () -> DomainException.invalidField("sort", "must be one of newest, helpful, rating"));
        requireActiveProduct(productId);
        Pagination pagination = Pagination.of(page, limit, reviews.count(productId));
        return new ReviewPage(views(reviews.page(productId, order, limit, pagination.offset())), pagination);
    }

    /** Reviews as the public sees them, each with its author's display name. */
    List<ReviewView> views(List<ReviewRow> rows) {
        Map<UUID, String> names = users.displayNames(
                rows.stream().map(ReviewRow::userId).distinct().toList());
        return rows.stream()
                .map(row -> ReviewView.of(row, names.get(row.userId())))
                .toList();
    }

    private ReviewView view(ReviewRow row) {
        return views(List.of(row)).getFirst();
    }

    private void refreshRatingSummary(UUID productId) {
        catalog.refreshRatingSummary(productId, () -> reviews.summary(productId));
    }

    private void requireActiveProduct(UUID productId) {
        if (!catalog.isActive(Objects.requireNonNull(productId))) {
            throw DomainException.notFound("Product");
        }
    }
}
