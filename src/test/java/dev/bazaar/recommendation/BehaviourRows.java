package dev.bazaar.recommendation;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the recommendation tests read back from {@code user_behavior}. */
final class BehaviourRows {

    private BehaviourRows() {}

    /** Purchase rows (cancelled or not) of the given products. */
    static long purchases(JdbcClient jdbc, List<String> products) {
        return jdbc.sql("SELECT count(*) FROM user_behavior WHERE event_type = 'purchase' "
                        + "AND product_id IN (:products)")
                .param("products", products.stream().map(UUID::fromString).toList())
                .query(Long.class)
                .single();
    }
}
