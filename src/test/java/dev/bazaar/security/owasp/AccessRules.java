package dev.bazaar.security.owasp;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call each route of the OpenAPI document: the explicit table that {@link EveryRouteHasAnAccessRuleTest}
 * holds the application to. A route added to the API without a line here fails that test, so its access rule is
 * decided when it is written, not found out later.
 */
final class AccessRules {

    /** Who may call a route, and what others get. */
    enum Access {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Anyone (guests have carts too), but only on their own cart: someone else's line is a 404. */
        GUEST_OR_OWNER,
        /** Any signed-in user, on their own data (the route names no object of another user). */
        CUSTOMER,
        /** A signed-in user, on an object of theirs named in the path: anyone else's (or no one's) is a 404. */
        OWNER,
        /** A SELLER (on their own products) or an ADMIN: anonymous 401, customer 403. */
        SELLER,
        /** An ADMIN only: anonymous 401, customer and seller 403. */
        ADMIN
    }

    /** One route as the OpenAPI document names it. */
    record Route(String method, String path, Access access) {

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key() + " (" + access + ")";
        }
    }

    static final List<Route> ROUTES = List.of(
            // identity
            route("POST /api/v1/auth/register", Access.PUBLIC),
            route("POST /api/v1/auth/login", Access.PUBLIC),
            route("POST /api/v1/auth/refresh", Access.PUBLIC),
            route("POST /api/v1/auth/logout", Access.PUBLIC),
            route("GET /api/v1/users/me", Access.CUSTOMER),
            route("PUT /api/v1/users/me", Access.CUSTOMER),
            route("GET /api/v1/admin/users", Access.ADMIN),
            route("PUT /api/v1/admin/users/{userId}/role", Access.ADMIN),
            // catalog
            route("GET /api/v1/products", Access.PUBLIC),
            route("GET /api/v1/products/{id}", Access.PUBLIC),
            route("POST /api/v1/products", Access.SELLER),
            route("PUT /api/v1/products/{id}", Access.SELLER),
            route("DELETE /api/v1/products/{id}", Access.SELLER),
            route("GET /api/v1/categories", Access.PUBLIC),
            route("GET /api/v1/categories/{slug}", Access.PUBLIC),
            route("POST /api/v1/categories", Access.ADMIN),
            route("PUT /api/v1/categories/{slug}", Access.ADMIN),
            route("PUT /api/v1/categories/{slug}/parent", Access.ADMIN),
            route("DELETE /api/v1/categories/{slug}", Access.ADMIN),
            // search
            route("GET /api/v1/products/search", Access.PUBLIC),
            route("GET /api/v1/products/suggest", Access.PUBLIC),
            route("GET /api/v1/admin/search/index", Access.ADMIN),
            route("POST /api/v1/admin/search/index/rebuild", Access.ADMIN),
            // media
            route("GET /media/**", Access.PUBLIC),
            route("GET /api/v1/products/{productId}/images", Access.PUBLIC),
            route("POST /api/v1/products/{productId}/images", Access.SELLER),
            route("PUT /api/v1/products/{productId}/images/order", Access.SELLER),
            route("DELETE /api/v1/products/{productId}/images/{imageId}", Access.SELLER),
            route("POST /api/v1/admin/media/copy-to-s3", Access.ADMIN),
            route("POST /api/v1/admin/media/sweep", Access.ADMIN),
            // cart
            route("GET /api/v1/cart", Access.GUEST_OR_OWNER),
            route("DELETE /api/v1/cart", Access.GUEST_OR_OWNER),
            route("POST /api/v1/cart/items", Access.GUEST_OR_OWNER),
            route("PUT /api/v1/cart/items/{itemId}", Access.GUEST_OR_OWNER),
            route("DELETE /api/v1/cart/items/{itemId}", Access.GUEST_OR_OWNER),
            route("POST /api/v1/cart/coupon", Access.GUEST_OR_OWNER),
            route("DELETE /api/v1/cart/coupon", Access.GUEST_OR_OWNER),
            route("POST /api/v1/cart/merge", Access.CUSTOMER),
            route("GET /api/v1/admin/coupons", Access.ADMIN),
            route("PUT /api/v1/admin/coupons/{code}", Access.ADMIN),
            route("PUT /api/v1/admin/customers/{userId}/discount", Access.ADMIN),
            // order
            route("POST /api/v1/orders", Access.CUSTOMER),
            route("GET /api/v1/orders", Access.CUSTOMER),
            route("GET /api/v1/orders/{orderId}", Access.OWNER),
            route("POST /api/v1/orders/{orderId}/cancel", Access.OWNER),
            route("GET /api/v1/admin/orders", Access.ADMIN),
            route("GET /api/v1/admin/orders/{orderId}", Access.ADMIN),
            route("PUT /api/v1/admin/orders/{orderId}/status", Access.ADMIN),
            // payment, inventory
            route("GET /api/v1/admin/gift-cards/{code}", Access.ADMIN),
            route("PUT /api/v1/admin/gift-cards/{code}", Access.ADMIN),
            route("GET /api/v1/admin/inventory/{productId}", Access.ADMIN),
            route("PUT /api/v1/admin/inventory/{productId}", Access.ADMIN),
            // review
            route("GET /api/v1/products/{productId}/reviews", Access.PUBLIC),
            route("POST /api/v1/products/{productId}/reviews", Access.CUSTOMER),
            route("PUT /api/v1/reviews/{id}", Access.OWNER),
            route("DELETE /api/v1/reviews/{id}", Access.OWNER),
            // voting names someone else's review, on purpose: any signed-in user, once, never their own
            route("POST /api/v1/reviews/{id}/helpful", Access.CUSTOMER),
            // recommendation
            route("GET /api/v1/recommendations", Access.PUBLIC),
            route("GET /api/v1/products/{productId}/frequently-bought-together", Access.PUBLIC),
            route("POST /api/v1/admin/recommendations/refresh", Access.ADMIN),
            // platform
            route("GET /api/v1/admin/notifications", Access.ADMIN),
            route("GET /api/v1/ping", Access.PUBLIC),
            // test sources only (platform.FailingTestEndpoint, platform.admission.HoldingTestEndpoint): in the
            // document because the tests' context scans them
            route("GET /api/v1/test-support/failure", Access.CUSTOMER),
            route("GET /api/v1/test-support/large", Access.CUSTOMER),
            route("GET /api/v1/test-support/hold", Access.CUSTOMER));

    private AccessRules() {}

    static Set<String> keys() {
        return ROUTES.stream().map(Route::key).collect(Collectors.toSet());
    }

    private static Route route(String methodAndPath, Access access) {
        String[] parts = methodAndPath.split(" ", 2);
        return new Route(parts[0], parts[1], access);
    }
}
