package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * API9:2023 Improper Inventory Management. The OpenAPI document is the inventory of the API: every JSON route the
 * application serves under {@code /api} or {@code /media} is in it (no undocumented or forgotten endpoint), there
 * is one version ({@code /api/v1}; no older or unversioned copy answers), and the document describes what a client
 * really sends: the caller is taken from the token, so no operation offers a {@code user}, {@code caller} or
 * {@code admin} parameter. {@link EveryRouteHasAnAccessRuleTest} holds every route of the inventory to an access
 * rule.
 */
class Api9ImproperInventoryManagementTest extends OwaspApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyApiRouteTheApplicationServesIsDocumented() {
        Set<String> served = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/") || path.startsWith("/media/")) {
                    methods.forEach(method -> served.add(method.name() + " " + path));
                }
            }
        });
        assertThat(served).hasSizeGreaterThan(40);
        assertThat(documented()).containsAll(served);
    }

    @Test
    void thereIsOneApiVersion() {
        Set<String> documented = documented();
        assertThat(documented).allMatch(route -> route.contains(" /api/v1/") || route.endsWith(" /media/**"));
        for (String path : new String[] {"/api/products", "/api/v0/products", "/api/v2/products", "/v1/products"}) {
            assertThat(api.get(path, null).status()).as(path).isIn(401, 404);
        }
    }

    @Test
    void noOperationOffersTheCallersIdentityAsAParameter() {
        Set<String> offered = new TreeSet<>();
        for (var path : spec().path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.path("name").asString();
                    if (Set.of("user", "caller", "admin", "userId", "currentUser")
                                    .contains(name)
                            && !path.getKey().contains("{" + name + "}")) {
                        offered.add(operation.getKey().toUpperCase() + " " + path.getKey() + " ?" + name);
                    }
                }
            }
        }
        assertThat(offered).isEmpty();
    }

    private JsonNode spec() {
        Api.Response spec = api.get("/v3/api-docs", null);
        assertThat(spec.status()).isEqualTo(200);
        return spec.json();
    }

    private Set<String> documented() {
        Set<String> routes = new TreeSet<>();
        for (var path : spec().path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                routes.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        return routes;
    }
}
