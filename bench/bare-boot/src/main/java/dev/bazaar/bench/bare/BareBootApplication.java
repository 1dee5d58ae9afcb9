package dev.bazaar.bench.bare;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework alone: Spring MVC on embedded Tomcat, Jackson, platform threads as Bazaar runs them, and nothing
 * else. bench/run.sh measures its {@code GET /api/v1/ping} beside Bazaar's to show what Bazaar's own filters cost.
 */
@SpringBootApplication
@RestController
public class BareBootApplication {

    private static final Map<String, Object> PONG = Map.of("success", true, "data", "pong");

    public static void main(String[] args) {
        SpringApplication.run(BareBootApplication.class, args);
    }

    @GetMapping("/api/v1/ping")
    Map<String, Object> ping() {
        return PONG;
    }
}
