package dev.bazaar.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.IntegrationTest.SignedInUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * More requests than the limit in flight: the rest are answered 503 with {@code Retry-After} in the envelope at
 * once, operators and probes still get through, and the store admits everyone again as soon as the load drops.
 * A fixed limit of two makes "too many" easy to reach; its own application context.
 */
@TestPropertySource(
        properties = {
            "bazaar.admission.mode=fixed",
            "bazaar.admission.max-concurrency=2",
            "bazaar.admission.retry-after=2s",
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-admission-test"
        })
class AdmissionControlTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void letEverythingGo() {
        HoldingTestEndpoint.release.countDown();
    }

    @Test
    void requestsBeyondTheLimitAreShedAtOnceAndTheStoreRecoversWhenTheLoadDrops() {
        SignedInUser shopper = registerCustomer();
        List<CompletableFuture<HttpResponse<String>>> held = holdRequestsInFlight(shopper, 2);

        Api.Response shed = api.get("/api/v1/products", null);
        assertThat(shed.status()).as(shed.toString()).isEqualTo(503);
        assertThat(shed.error().path("code").asString()).isEqualTo("OVERLOADED");
        assertThat(shed.header("Retry-After")).isEqualTo("2");
        assertThat(shed.header("X-Request-Id")).isNotBlank();
        assertThat(api.get("/api/v1/cart", shopper.accessToken()).status()).isEqualTo(503);
        assertThat(meters.get("bazaar.admission.rejected").functionCounter().count())
                .isGreaterThanOrEqualTo(2);

        HoldingTestEndpoint.release.countDown();
        assertThat(held)
                .allSatisfy(request -> assertThat(request.join().statusCode()).isEqualTo(200));
        assertThat(api.get("/api/v1/products", null).status()).isEqualTo(200);
    }

    @Test
    void operatorsAndHealthProbesAreNotCountedAgainstTheLimit() {
        SignedInUser shopper = registerCustomer();
        SignedInUser admin = signInAsAdmin();
        List<CompletableFuture<HttpResponse<String>>> held = holdRequestsInFlight(shopper, 2);

        assertThat(api.get("/api/v1/products", null).status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Api.Response adminCall = api.get("/api/v1/admin/orders", admin.accessToken());
        assertThat(adminCall.status()).as(adminCall.toString()).isEqualTo(200);

        HoldingTestEndpoint.release.countDown();
        held.forEach(CompletableFuture::join);
    }

    private List<CompletableFuture<HttpResponse<String>>> holdRequestsInFlight(SignedInUser shopper, int count) {
        HoldingTestEndpoint.release = new CountDownLatch(1);
        HoldingTestEndpoint.entered.set(0);
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, count)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HoldingTestEndpoint.PATH))
                                .header("Authorization", "Bearer " + shopper.accessToken())
                                .timeout(Duration.ofSeconds(90))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> HoldingTestEndpoint.entered.get() == count);
        return held;
    }
}
