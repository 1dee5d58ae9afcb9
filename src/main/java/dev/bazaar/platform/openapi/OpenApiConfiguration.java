package dev.bazaar.platform.openapi;

import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.ErrorResponse;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): bearer-token
 * security and the error envelope on every operation, next to the success envelope springdoc derives from each
 * controller's return type.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The caller comes from the verified token (CurrentUserArgumentResolver), never from the request: without
        // this the document offers "user", "caller" and "admin" query parameters that clients would think they set.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "400", "Invalid input: one detail per bad field",
            "401", "Missing, invalid, expired or revoked access token",
            "403", "The caller's role does not allow this",
            "429", "Rate limit exceeded; see Retry-After",
            "500", "Unexpected error; the body carries an error id found in the server log");

    @Bean
    OpenAPI bazaarOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bazaar API")
                        .version("v1")
                        .description("Catalog, search, carts, orders, payments, inventory, reviews and "
                                + "recommendations. Successes are {success: true, data}; failures are "
                                + "{success: false, error: {code, message, details}}.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer errorEnvelopeOnEveryOperation() {
        return openApi -> {
            ModelConverters.getInstance()
                    .readAll(ErrorResponse.class)
                    .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            Content error = new Content()
                    .addMediaType(
                            "application/json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorResponse")));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations()
                            .forEach(operation -> COMMON_ERRORS.forEach((status, description) -> {
                                if (operation.getResponses().get(status) == null) {
                                    operation
                                            .getResponses()
                                            .addApiResponse(
                                                    status,
                                                    new ApiResponse()
                                                            .description(description)
                                                            .content(error));
                                }
                            })));
        };
    }
}
