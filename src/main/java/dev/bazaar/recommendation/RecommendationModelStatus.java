package dev.bazaar.recommendation;

import java.time.Instant;

/** Whether the recommendation models are trained, and when; read-only. */
public interface RecommendationModelStatus {

    Status status();

    /** {@code trainedAt} null while no model was trained since start-up. */
    record Status(boolean trained, Instant trainedAt, int interactions, int products) {}
}
