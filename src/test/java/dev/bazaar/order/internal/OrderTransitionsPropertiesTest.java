package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.order.OrderStatus;
import dev.bazaar.platform.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the order state machine's transition function ({@link OrderStatus#requireReachableFrom}, on the
 * statuses as the API and the database spell them, {@link OrderStatus#ofValue}) against the
 * table the documentation gives: pending → confirmed or cancelled, confirmed → shipped or cancelled, shipped →
 * delivered; nothing else, and nothing out of delivered or cancelled. Random walks that only take the moves the
 * function accepts never reach anything but these edges, never come back to pending and end within three moves.
 */
class OrderTransitionsPropertiesTest {

    /** The specification, written out independently of the production table. */
    static final Map<String, Set<String>> SPEC = Map.of(
            "pending", Set.of("confirmed", "cancelled"),
            "confirmed", Set.of("shipped", "cancelled"),
            "shipped", Set.of("delivered"),
            "delivered", Set.of(),
            "cancelled", Set.of());

    static final List<String> STATUSES = List.of("pending", "confirmed", "shipped", "delivered", "cancelled");

    @Property(tries = 200)
    void aMoveIsAcceptedExactlyWhenItIsAnEdgeOfTheTable(
            @ForAll("statusesAndNoise") String from, @ForAll("statusesAndNoise") String to) {
        boolean edge = SPEC.getOrDefault(from, Set.of()).contains(to);
        if (edge) {
            assertThatCode(() -> move(from, to)).doesNotThrowAnyException();
        } else if (OrderStatus.ofValue(from).isEmpty()
                || OrderStatus.ofValue(to).isEmpty()) {
            // not a status at all: nothing to move from or to
            assertThat(accepts(from, to)).isFalse();
        } else {
            DomainException refused = catchThrowableOfType(DomainException.class, () -> move(from, to));
            assertThat(refused).as(from + " → " + to).isNotNull();
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
            assertThat(refused.getMessage()).isEqualTo("An order that is " + from + " cannot become " + to);
        }
    }

    @Property(tries = 200)
    void aRandomWalkOfAcceptedMovesFollowsOnlyTableEdgesAndEndsInATerminalState(
            @ForAll("walks") List<String> attempts) {
        String status = "pending";
        List<String> path = new ArrayList<>(List.of(status));
        for (String to : attempts) {
            if (accepts(status, to)) {
                assertThat(SPEC.get(status)).as(status + " → " + to).contains(to);
                status = to;
                path.add(status);
            }
        }
        // never back to pending, never a state twice: the machine has no cycles
        assertThat(path.subList(1, path.size())).doesNotContain("pending");
        assertThat(new HashSet<>(path)).hasSameSizeAs(path);
        assertThat(path.size()).isLessThanOrEqualTo(4);
        if (status.equals("delivered") || status.equals("cancelled")) {
            for (String to : STATUSES) {
                assertThat(accepts(status, to))
                        .as(status + " is terminal, yet accepts " + to)
                        .isFalse();
            }
        }
    }

    @Example
    void everyStatusIsReachableFromPendingAndTheTerminalStatesAreDeliveredAndCancelled() {
        Set<String> reached = new HashSet<>(Set.of("pending"));
        List<String> frontier = new ArrayList<>(List.of("pending"));
        while (!frontier.isEmpty()) {
            String from = frontier.removeFirst();
            for (String to : STATUSES) {
                if (accepts(from, to) && reached.add(to)) {
                    frontier.add(to);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(STATUSES);
        List<String> terminal = STATUSES.stream()
                .filter(from -> STATUSES.stream().noneMatch(to -> accepts(from, to)))
                .toList();
        assertThat(terminal).containsExactlyInAnyOrder("delivered", "cancelled");
    }

    private static boolean accepts(String from, String to) {
        if (OrderStatus.ofValue(from).isEmpty() || OrderStatus.ofValue(to).isEmpty()) {
            return false;
        }
        try {
            move(from, to);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    private static void move(String from, String to) {
        OrderStatus.ofValue(to)
                .orElseThrow()
                .requireReachableFrom(OrderStatus.ofValue(from).orElseThrow());
    }

    @Provide
    Arbitrary<String> statusesAndNoise() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(STATUSES)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("", "PENDING", "Confirmed", "refunded", "returned", "shipped ", "unknown")));
    }

    @Provide
    Arbitrary<List<String>> walks() {
        return Arbitraries.of(STATUSES).list().ofMinSize(0).ofMaxSize(20);
    }
}
