package dev.bazaar.platform.admission;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only on the test classpath: a request that stays in flight until the test lets it go. */
@RestController
class HoldingTestEndpoint {

    static final String PATH = "/api/v1/test-support/hold";

    static final AtomicInteger entered = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);

    @GetMapping(path = PATH, produces = "application/json")
    String hold() throws InterruptedException {
        entered.incrementAndGet();
        release.await(60, TimeUnit.SECONDS);
        return "{\"data\":\"released\"}";
    }
}
