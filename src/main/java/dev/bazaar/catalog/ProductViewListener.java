package dev.bazaar.catalog;

/**
 * Told of every product details view by a known shopper (a signed-in user, or a guest holding a cart token), so
 * that views can count towards popularity and recommendations. The catalog owns this interface and the
 * recommendation module implements it. Called on the request thread of a read that must stay fast: an
 * implementation only hands the view over (to a buffer) and never blocks or fails the request.
 *
 * @see ProductViewed
 */
public interface ProductViewListener {

    void viewed(ProductViewed view);
}
