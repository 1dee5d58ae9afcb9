package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.security.owasp.AccessRules.Access;
import dev.bazaar.security.owasp.AccessRules.Route;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the OpenAPI document ({@code /v3/api-docs}, fetched over HTTP) has a line in {@link AccessRules},
 * and every line holds: a real request, with random ids and an empty body, gets 401 when anonymous on a
 * non-public route, 403 from a customer on a seller or admin route (404 on an owner route: the object is not
 * theirs), 403 from a seller on an admin route; sellers pass seller routes and admins admin reads. The access decision must come before
 * the body is read or validated, so a 400 here (instead of 401/403) is a defect: it tells an unauthorised caller
 * how the route validates, and means the refusal depends on the body being wrong.
 */
class EveryRouteHasAnAccessRuleTest extends OwaspApiTest {

    private static final String[] METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};

    /** The test sources' endpoint that fails on purpose (platform.FailingTestEndpoint). */
    private static final String DELIBERATE_FAILURE = "GET /api/v1/test-support/failure";

    private static SignedInUser customer;
    private static SignedInUser seller;

    @Test
    void everyDocumentedRouteHasAnAccessRuleAndEveryRuleADocumentedRoute() {
        Set<String> documented = documentedRoutes();
        assertThat(documented).as("the OpenAPI document lists routes").hasSizeGreaterThan(40);
        Set<String> withoutRule = new TreeSet<>(documented);
        withoutRule.removeAll(AccessRules.keys());
        assertThat(withoutRule)
                .as("routes of the OpenAPI document with no line in AccessRules.ROUTES")
                .isEmpty();
        Set<String> stale = new TreeSet<>(AccessRules.keys());
        stale.removeAll(documented);
        assertThat(stale)
                .as("AccessRules lines for routes the document does not have")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anonymousCallersGet401OnEveryNonPublicRoute(Route route) {
        Api.Response response = call(route, null);
        if (route.access() == Access.PUBLIC || route.access() == Access.GUEST_OR_OWNER) {
            assertThat(response.status())
                    .as(route + ": " + response)
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertRefused(response, 401, "UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesNeedingAToken")
    void customersGet403OnSellerAndAdminRoutesAnd404OnObjectsNotTheirs(Route route) {
        Api.Response response = call(route, customer().accessToken());
        switch (route.access()) {
            case SELLER, ADMIN -> assertRefused(response, 403, "FORBIDDEN");
            case OWNER -> assertRefused(response, 404, "NOT_FOUND");
            default -> {
                assertThat(response.status()).as(route + ": " + response).isNotIn(401, 403);
                if (!route.key().equals(DELIBERATE_FAILURE)) {
                    assertThat(response.status()).as(route + ": " + response).isLessThan(500);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesNeedingAToken")
    void sellersGet403OnAdminRoutesAndPassTheRuleOfSellerRoutes(Route route) {
        Api.Response response = call(route, seller().accessToken());
        switch (route.access()) {
            case ADMIN -> assertRefused(response, 403, "FORBIDDEN");
            case SELLER ->
                assertThat(response.status())
                        .as(route + ": " + response)
                        .isNotIn(401, 403)
                        .isLessThan(500);
            default -> {
                // the customer's test holds these; a seller is a customer too
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableAdminRoutes")
    void adminsPassTheRuleOfAdminReads(Route route) {
        Api.Response response = call(route, signInAsAdmin().accessToken());
        assertThat(response.status())
                .as(route + ": " + response)
                .isNotIn(401, 403)
                .isLessThan(500);
    }

    static Stream<Route> routes() {
        return AccessRules.ROUTES.stream();
    }

    /** Public routes need no token: the anonymous test holds them (and a token would be signed out by logout). */
    static Stream<Route> routesNeedingAToken() {
        return AccessRules.ROUTES.stream().filter(r -> r.access() != Access.PUBLIC);
    }

    static Stream<Route> readableAdminRoutes() {
        return AccessRules.ROUTES.stream()
                .filter(r -> r.access() == Access.ADMIN && r.method().equals("GET"));
    }

    private Set<String> documentedRoutes() {
        Api.Response spec = api.get("/v3/api-docs", null);
        assertThat(spec.status()).as(spec.toString()).isEqualTo(200);
        Set<String> routes = new TreeSet<>();
        for (var path : spec.json().path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    routes.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return routes;
    }

    /** The route with random ids and, where it takes one, an empty body: nothing the caller could own. */
    private Api.Response call(Route route, String token) {
        String path = route.path()
                .replace("/media/**", "/media/owasp-" + UUID.randomUUID() + ".jpg")
                .replaceAll(
                        "\\{(code|slug)}",
                        "owasp-" + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
        JsonNode body = operation(route).path("requestBody").path("content");
        if (body.has("multipart/form-data")) {
            return api.upload(path, "file", "x.png", "image/png", new byte[] {1, 2, 3}, token);
        }
        return api.send(
                route.method(),
                path,
                token,
                body.isMissingNode() ? null : "application/json",
                body.isMissingNode() ? null : "{}",
                Map.of());
    }

    private JsonNode operation(Route route) {
        return spec().path("paths").path(route.path()).path(route.method().toLowerCase());
    }

    private static JsonNode specCache;

    private JsonNode spec() {
        if (specCache == null) {
            specCache = api.get("/v3/api-docs", null).json();
        }
        return specCache;
    }

    private SignedInUser customer() {
        if (customer == null) {
            customer = registerCustomer();
        }
        return customer;
    }

    private SignedInUser seller() {
        if (seller == null) {
            seller = registerSeller();
        }
        return seller;
    }
}
