package dev.bazaar.media.internal;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.media.internal.ImagePipeline.Processed;
import jakarta.annotation.PreDestroy;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo catalog's pictures: on the first start with {@code bazaar.demo.enabled} (after the demo import), one
 * simple picture per product is drawn (its category's colour, its initials and its name, marked as generated: no
 * photograph, no download) and stored through the same sizes and store as an upload. It runs in one low-priority
 * background thread, after the application is ready, so start-up does not wait: about a minute for the 3,794 demo
 * products on two cores; products show no picture until theirs is stored. Interrupted by a shutdown, it goes on
 * at the next start with the products that have none yet; once finished it never runs again.
 */
@Component
class DemoPictures {

    private static final Logger log = LoggerFactory.getLogger(DemoPictures.class);
    static final String STATE = "demo-pictures";
    static final int SIDE = 512;

    private final boolean demoEnabled;
    private final MediaProperties properties;
    private final ProductCatalog catalog;
    private final ProductImageRows rows;
    private final ProductImageService images;
    private final ImagePipeline pipeline;
    private volatile boolean stopping;
    private volatile Thread worker;

    DemoPictures(
            @Value("${bazaar.demo.enabled:false}") boolean demoEnabled,
            MediaProperties properties,
            ProductCatalog catalog,
            ProductImageRows rows,
            ProductImageService images,
            ImagePipeline pipeline) {
        this.demoEnabled = demoEnabled;
        this.properties = properties;
        this.catalog = catalog;
        this.rows = rows;
        this.images = images;
        this.pipeline = pipeline;
    }

    record DemoProduct(UUID id, String title, String categorySlug, String categoryName) {}

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void generateOnFirstStart() {
        if (!demoEnabled || !properties.demo().images() || rows.state(STATE).isPresent()) {
            return;
        }
        worker = Thread.ofPlatform()
                .name("media-demo-pictures")
                .daemon()
                .priority(Thread.MIN_PRIORITY)
                .start(this::generateAll);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        Thread running = worker;
        if (running != null) {
            running.join(10_000);
        }
    }

    void generateAll() {
        try {
            long active = catalog.activeCount();
            if (active == 0) {
                return; // nothing imported (yet): try again at the next start
            }
            if (active > properties.demo().maxProducts()) {
                log.info(
                        "Demo pictures not generated: {} products is over bazaar.media.demo.max-products ({})",
                        active,
                        properties.demo().maxProducts());
                rows.setState(STATE, "skipped");
                return;
            }
            List<DemoProduct> products = catalog.withAllIndexable(
                    stream -> stream.map(p -> new DemoProduct(p.id(), p.title(), p.categorySlug(), p.categoryName()))
                            .toList());
            Set<UUID> done = rows.productsWithImages(
                    products.stream().map(DemoProduct::id).toList());
            long started = System.nanoTime();
            int generated = 0;
            for (DemoProduct product : products) {
                if (stopping) {
                    log.info("Demo pictures: {} generated, the rest at the next start", generated);
                    return;
                }
                if (done.contains(product.id())) {
                    continue;
                }
                images.store(product.id(), picture(product), null);
                generated++;
                if (generated % 1000 == 0) {
                    log.info("Demo pictures: {} of {} generated", generated, products.size() - done.size());
                }
            }
            rows.setState(STATE, "done");
            log.info("Demo pictures: {} generated in {} s", generated, (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("Demo pictures stopped; the rest are generated at the next start", e);
            }
        }
    }

    Processed picture(DemoProduct product) {
        String hash = ImagePipeline.sha256(
                ("demo-picture-v1|" + product.title() + "|" + product.categorySlug()).getBytes(StandardCharsets.UTF_8));
        return pipeline.derive(hash, ImagePipeline.Format.PNG, SIDE, SIDE, render(product));
    }

    /** The picture: deterministic for a product's title and category. */
    static BufferedImage render(DemoProduct product) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            String key = product.categorySlug() == null ? "" : product.categorySlug();
            float hue = (Math.floorMod(key.hashCode(), 360)) / 360f;
            Color base = Color.getHSBColor(hue, 0.45f, 0.85f);
            Color dark = Color.getHSBColor(hue, 0.60f, 0.45f);
            g.setPaint(new GradientPaint(0, 0, base, SIDE, SIDE, dark));
            g.fillRect(0, 0, SIDE, SIDE);

            // a card in the middle with the product's initials
            RoundRectangle2D card = new RoundRectangle2D.Float(136, 96, 240, 240, 48, 48);
            g.setColor(new Color(255, 255, 255, 235));
            g.fill(card);
            g.setColor(dark);
            g.setStroke(new BasicStroke(4));
            g.draw(card);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 110));
            drawCentered(g, initials(product.title()), SIDE / 2, 216 + 38);

            // the name, and what this picture is
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            int y = 384;
            for (String line : wrap(g.getFontMetrics(), product.title(), SIDE - 48, 2)) {
                drawCentered(g, line, SIDE / 2, y);
                y += 30;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            if (product.categoryName() != null) {
                drawCentered(g, product.categoryName(), SIDE / 2, 460);
            }
            g.setColor(new Color(255, 255, 255, 200));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString("Generated demo picture", 14, 24);
        } finally {
            g.dispose();
        }
        return image;
    }

    static String initials(String title) {
        StringBuilder initials = new StringBuilder();
        for (String word : title.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return initials.isEmpty() ? "?" : initials.toString().toUpperCase(Locale.ROOT);
    }

    private static void drawCentered(Graphics2D g, String text, int centreX, int baseline) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, centreX - metrics.stringWidth(text) / 2, baseline);
    }

    private static List<String> wrap(FontMetrics metrics, String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width || line.isEmpty()) {
                line = new StringBuilder(candidate);
            } else {
                lines.add(line.toString());
                line = new StringBuilder(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, kept.get(maxLines - 1) + " …");
            return kept;
        }
        return lines;
    }
}
