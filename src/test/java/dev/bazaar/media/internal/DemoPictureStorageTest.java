package dev.bazaar.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.media.internal.DemoPictures.DemoProduct;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Demo pictures go through the same store and catalog hand-over as uploads, in batches. */
class DemoPictureStorageTest extends IntegrationTest {

    @Autowired
    ProductImagesService images;

    @Autowired
    DemoPictures pictures;

    @Test
    void aBatchOfDemoPicturesIsStoredAndShownOnTheCards() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "demo-pictures");
        Map<UUID, ImagePipeline.Processed> batch = new LinkedHashMap<>();
        for (String title : new String[] {"Red Retrospot Cake Stand", "Jumbo Bag Pink Polkadot"}) {
            UUID id = UUID.fromString(newProduct(admin, category, title, "4.50", 10));
            batch.put(id, pictures.picture(new DemoProduct(id, title, category, "Demo pictures")));
        }

        images.storeFirstImages(batch);
        images.storeFirstImages(batch); // again, as after an interrupted run: nothing doubles

        for (UUID id : batch.keySet()) {
            Api.Response listed = api.get("/api/v1/products/" + id + "/images", null);
            assertThat(listed.data()).hasSize(1);
            JsonNode image = listed.data().get(0);
            assertThat(api.getBytes(image.path("thumbUrl").asString(), Map.of()).status())
                    .isEqualTo(200);
            JsonNode details = api.get("/api/v1/products/" + id, null).data();
            assertThat(details.path("imageUrls").get(0).asString())
                    .isEqualTo(image.path("mediumUrl").asString());
        }
    }
}
