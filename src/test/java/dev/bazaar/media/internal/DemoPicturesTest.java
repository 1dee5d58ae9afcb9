package dev.bazaar.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.media.ImageSize;
import dev.bazaar.media.internal.DemoPictures.DemoProduct;
import dev.bazaar.media.internal.ImagePipeline.Processed;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The generated demo pictures: the same picture for the same product, and fast enough for the demo catalog. */
class DemoPicturesTest {

    private static final DemoProduct MUG =
            new DemoProduct(UUID.randomUUID(), "WHITE HANGING HEART T-LIGHT HOLDER", "candles", "Candles & lights");

    @Test
    void aProductAlwaysGetsTheSamePicture() {
        BufferedImage first = DemoPictures.render(MUG);
        BufferedImage second = DemoPictures.render(MUG);

        assertThat(first.getWidth()).isEqualTo(DemoPictures.SIDE);
        assertThat(((DataBufferByte) first.getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferByte) second.getRaster().getDataBuffer()).getData());
        assertThat(DemoPictures.initials("WHITE HANGING HEART")).isEqualTo("WH");
        assertThat(DemoPictures.initials("  ")).isEqualTo("?");
    }

    @Test
    void aDemoPictureIsAJpegInEverySizeTheStorefrontShows() throws IOException {
        ImagePipeline pipeline = new ImagePipeline(properties());
        DemoPictures pictures = new DemoPictures(
                new dev.bazaar.platform.DemoProperties(true), properties(), null, null, null, pipeline, null);

        Processed picture = pictures.picture(new DemoProduct(UUID.randomUUID(), "Product number 1", "c1", "Category"));

        assertThat(picture.extension()).isEqualTo("jpg");
        assertThat(picture.sizes()).containsKeys(ImageSize.THUMB, ImageSize.MEDIUM, ImageSize.LARGE);
        // kept to look at: the tests' pictures are meant to be opened, not only asserted
        Path sample = Files.createDirectories(Paths.get("target")).resolve("demo-picture-sample.jpg");
        Files.write(sample, pictures.picture(MUG).sizes().get(ImageSize.MEDIUM));
    }

    private static MediaProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("bazaar.media.store", "local")))
                .bindOrCreate("bazaar.media", MediaProperties.class);
    }
}
