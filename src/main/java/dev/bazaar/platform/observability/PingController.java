package dev.bazaar.platform.observability;

import dev.bazaar.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest endpoint there is: no database, no cache. Benchmarks measure it beside the real operations as
 * the ceiling this machine and framework allow; load balancers may use it as a liveness check.
 */
@RestController
@Tag(name = "Operations")
class PingController {

    @GetMapping("/api/v1/ping")
    @Operation(summary = "Answers pong: the framework's ceiling for benchmarks")
    ApiResponse<String> ping() {
        return ApiResponse.of("pong");
    }
}
