package dev.bazaar.recommendation.internal;

import dev.bazaar.recommendation.RecommendationModelStatus;
import org.springframework.stereotype.Service;

/** {@link RecommendationModelStatus} from the current model of {@link ModelTrainer}. */
@Service
class RecommendationModelStatusService implements RecommendationModelStatus {

    private final ModelTrainer trainer;

    RecommendationModelStatusService(ModelTrainer trainer) {
        this.trainer = trainer;
    }

    @Override
    public Status status() {
        RecommendationModel model = trainer.current();
        boolean trained = model.isTrained();
        return new Status(
                trained,
                trained ? model.trainedAt() : null,
                model.interactions(),
                model.products().size());
    }
}
