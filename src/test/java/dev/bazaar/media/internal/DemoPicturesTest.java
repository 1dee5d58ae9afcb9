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
import java.time.Duration;
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
    void theDemoCatalogsPicturesTakeMinutesNotHours() throws IOException {
        ImagePipeline pipeline = new ImagePipeline(properties());
        DemoPictures pictures = new DemoPictures(true, properties(), null, null, null, pipeline, null);
        pictures.picture(MUG); // warm up
        int count = 50;
        long started = System.nanoTime();
        long cpuStarted =
                java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Processed last = null;
        for (int i = 0; i < count; i++) {
            last = pictures.picture(new DemoProduct(UUID.randomUUID(), "Product number " + i, "c" + i, "Category"));
        }
        Duration each = Duration.ofNanos((System.nanoTime() - started) / count);
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted;
        System.out.println("Demo picture: " + each.toMillis() + " ms each, " + cpu / count / 1_000_000 + " ms CPU");

        // 3,794 products in the background: a few minutes at most even on a busy machine
        assertThat(each).isLessThan(Duration.ofMillis(150));
        assertThat(last.extension()).isEqualTo("jpg");
        assertThat(last.sizes()).containsKeys(ImageSize.THUMB, ImageSize.MEDIUM, ImageSize.LARGE);
        Path sample = Files.createDirectories(Paths.get("target")).resolve("demo-picture-sample.jpg");
        Files.write(sample, pictures.picture(MUG).sizes().get(ImageSize.MEDIUM));
    }

    private static MediaProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("bazaar.media.store", "local")))
                .bindOrCreate("bazaar.media", MediaProperties.class);
    }
}
