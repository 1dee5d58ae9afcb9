package dev.bazaar.review.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code review_helpful_votes} table. */
@Repository
class HelpfulVoteStore {

    private final JdbcClient jdbc;

    HelpfulVoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the user's vote; false if they had voted for this review already. */
    boolean add(UUID reviewId, UUID userId) {
        return jdbc.sql("INSERT INTO review_helpful_votes (review_id, user_id) VALUES (:reviewId, :userId) "
                                + "ON CONFLICT DO NOTHING")
                        .param("reviewId", reviewId)
                        .param("userId", userId)
                        .update()
                == 1;
    }
}
