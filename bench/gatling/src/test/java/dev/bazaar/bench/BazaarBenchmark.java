package dev.bazaar.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load of bench/run.sh: for each operation in turn, a warm-up and then one stage per offered rate, in an open
 * model (a fixed number of new requests per second whatever the server's answers take, so slow answers cannot hold
 * back the load and hide their own latency: no coordinated omission). Stages run one after another in one JVM, so
 * the load generator's own JIT is warm for all but the first warm-up.
 *
 * <p>Request names carry the stage, {@code "search @ 400/s"} or {@code "mixed @ 10/s: add"}; warm-up and reset
 * requests are named so that bench/gatling/report.py leaves them out.
 */
public class BazaarBenchmark extends Simulation {

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final ShopRequests shop = new ShopRequests(settings);
    private final MixedSession mixed = new MixedSession(shop, settings);

    {
        List<PopulationBuilder> stages = new ArrayList<>();
        if (settings.overload().isEmpty()) {
            for (String operation : settings.operations()) {
                stages.addAll(stagesOf(operation));
            }
        } else {
            OverloadRecorder.phases(
                    settings.overloadCalm().toSeconds(), settings.overloadPeak().toSeconds());
            settings.overload().forEach((operation, rate) -> stages.addAll(overloadOf(operation, rate)));
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("bench.operations names none of " + BenchSettings.ALL_OPERATIONS);
        }
        // Each stage starts when every user of the one before has finished, so rates never overlap.
        PopulationBuilder chain = stages.getLast();
        for (int i = stages.size() - 2; i >= 0; i--) {
            chain = stages.get(i).andThen(chain);
        }
        HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("bazaar-bench (Gatling)")
                // A pool of keep-alive connections shared by all virtual users, as a gateway in front of the
                // store would hold, instead of one new connection per virtual user; a request never waits
                // for a free connection (the pool grows), so the open model holds.
                .shareConnections()
                .disableWarmUp();
        setUp(chain).protocols(protocol).maxDuration(upperBound());
    }

    @Override
    public void after() {
        StageClocks.write(settings.stagesFile());
        if (!settings.overload().isEmpty()) {
            OverloadRecorder.write(settings.overloadFile());
        }
    }

    /**
     * The overload pass: the operation at its holding rate, then at twice that rate, then at the holding rate again,
     * as one uninterrupted open-model injection, each request recorded second by second (OverloadRecorder), so the
     * report can show what was admitted, what was shed, and how soon the holding rate held again.
     */
    private List<PopulationBuilder> overloadOf(String operation, int holdingRate) {
        List<PopulationBuilder> stages = new ArrayList<>();
        String name = "overload " + operation;
        OverloadRecorder.holdingRate(operation, holdingRate);
        if (usesCartsThatGrow(operation)) {
            stages.add(reset(operation, "reset before " + name));
        }
        ChainBuilder recorded = exec(session -> {
                    long now = System.currentTimeMillis();
                    return session.set("sentAt", now).set("second", OverloadRecorder.secondOf(operation, now));
                })
                .exec(single(operation, name))
                .exec(session -> {
                    Integer status = session.contains("status") ? session.getInt("status") : null;
                    long latency = System.currentTimeMillis() - session.getLong("sentAt");
                    OverloadRecorder.record(
                            operation, session.getInt("second"), status, session.isFailed(), latency);
                    return session;
                });
        stages.add(scenario(name)
                .exec(recorded)
                .injectOpen(
                        nothingFor(settings.pause()),
                        constantUsersPerSec(holdingRate).during(settings.overloadCalm()),
                        constantUsersPerSec(settings.overloadFactor() * holdingRate).during(settings.overloadPeak()),
                        constantUsersPerSec(holdingRate).during(settings.overloadCalm().multipliedBy(2))));
        return stages;
    }

    private List<PopulationBuilder> stagesOf(String operation) {
        List<PopulationBuilder> stages = new ArrayList<>();
        int warmUpRate = settings.warmUpRate(operation);
        if (!settings.warmUp().isZero()) {
            if (usesCartsThatGrow(operation)) {
                stages.add(reset(operation, "reset before warm-up " + operation));
            }
            stages.add(stage(operation, "warm-up " + operation, warmUpRate, settings.warmUp(), false));
        }
        for (int rate : settings.ratesFor(operation)) {
            String name = operation + " @ " + rate + "/s";
            if (usesCartsThatGrow(operation)) {
                stages.add(reset(operation, "reset before " + name));
            }
            stages.add(stage(operation, name, rate, settings.stage(), true));
        }
        return stages;
    }

    /**
     * One rate of one operation: {@code rate} new virtual users a second, each making the operation's requests. A
     * measured stage is skipped (its users do nothing) once a lower rate of the same operation failed badly.
     */
    private PopulationBuilder stage(String operation, String name, int rate, Duration duration, boolean measured) {
        ChainBuilder work = exec(session -> {
                    StageClocks.started(name);
                    return session;
                })
                .exec(operation.equals("mixed") ? mixed.session(name) : single(operation, name))
                .exec(session -> {
                    StageClocks.finished(name, session.isFailed());
                    return session;
                });
        ChainBuilder skip = exec(session -> {
            StageClocks.skipped(name);
            return session;
        });
        return scenario(name)
                .doIfOrElse(session -> measured && StageClocks.abandoned(operation, settings.abandonShare()))
                .then(skip)
                .orElse(work)
                .injectOpen(nothingFor(settings.pause()), constantUsersPerSec(rate).during(duration));
    }

    private ChainBuilder single(String operation, String name) {
        return switch (operation) {
            case "ping" -> shop.ping(name);
            case "bare" -> shop.barePing(name);
            case "details" -> shop.productDetails(name);
            case "search" -> shop.search(name);
            case "cart" -> exec(feed(shop.shoppers("cart")), shop.getCart(name));
            case "add" -> exec(feed(shop.shoppers("add")), shop.addToCart(name));
            case "recommendations" -> exec(feed(shop.shoppers("recommendations")), shop.recommendations(name));
            default ->
                throw new IllegalArgumentException(
                        "Unknown operation " + operation + "; known: " + BenchSettings.ALL_OPERATIONS);
        };
    }

    /** Additions make carts grow: every stage that adds starts from empty carts, so stages compare like with like. */
    private static boolean usesCartsThatGrow(String operation) {
        return operation.equals("add") || operation.equals("mixed");
    }

    private PopulationBuilder reset(String operation, String name) {
        String pool = operation.equals("add") ? "add" : "mixed";
        int shoppers = FixtureFiles.lines(settings.fixture("shoppers-" + pool + ".csv"));
        return scenario(name)
                .feed(shop.eachShopper(pool))
                .exec(shop.clearCart(name))
                .injectOpen(rampUsers(shoppers).during(Duration.ofSeconds(Math.max(1, shoppers / 200))));
    }

    /** A bound on the whole run, well above what it should take, so that it always stops by itself. */
    private Duration upperBound() {
        long seconds = settings.overload().size()
                * (settings.overloadCalm().toSeconds() * 3 + settings.overloadPeak().toSeconds() + 60);
        for (String operation : settings.operations()) {
            int stages = settings.ratesFor(operation).size();
            seconds += settings.warmUp().toSeconds() + (long) stages * settings.stage().toSeconds();
            seconds += (stages + 1L) * (settings.pause().toSeconds() + 30);
        }
        return Duration.ofSeconds(seconds * 2 + 300);
    }
}
