package dev.bazaar.media.internal;

import dev.bazaar.platform.DomainException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moving media: copying the local store to the S3 bucket (before switching {@code bazaar.media.store} to {@code s3}),
 * and handing every product's image URLs to the catalog again when {@code bazaar.media.public-base-url} changed
 * (checked at start-up, so switching to a CDN needs no command).
 */
@Component
class MediaMaintenance {

    private static final Logger log = LoggerFactory.getLogger(MediaMaintenance.class);
    static final String BASE_URL_STATE = "public-base-url";

    private final MediaStores stores;
    private final ProductImagesService images;
    private final ProductImageStore rows;
    private final MediaProperties properties;

    MediaMaintenance(
            MediaStores stores, ProductImagesService images, ProductImageStore rows, MediaProperties properties) {
        this.stores = stores;
        this.images = images;
        this.rows = rows;
        this.properties = properties;
    }

    record CopyResult(int copied, long bytes, String from, String to) {}

    /** Copies every object of the local directory to the bucket (objects are immutable: re-running is safe). */
    CopyResult copyLocalToS3() {
        S3MediaStore target = stores.s3()
                .orElseThrow(() -> DomainException.conflict(
                        "S3_NOT_CONFIGURED", "Set bazaar.media.s3.bucket (and endpoint, credentials) first"));
        LocalMediaStore source = stores.local();
        AtomicInteger copied = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        source.list(
                "",
                object -> source.get(object.key()).ifPresent(stored -> {
                    target.put(object.key(), stored.content(), stored.contentType());
                    copied.incrementAndGet();
                    bytes.addAndGet(stored.content().length);
                }));
        log.info(
                "Copied {} media objects ({} bytes) from {} to {}",
                copied,
                bytes,
                source.describe(),
                target.describe());
        return new CopyResult(copied.get(), bytes.get(), source.describe(), target.describe());
    }

    /** At start-up: if the base URL is not the one the catalog's URLs were written with, rewrites them. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void republishIfBaseUrlChanged() {
        String current = properties.baseUrl();
        String previous = rows.state(BASE_URL_STATE).orElse(null);
        if (current.equals(previous)) {
            return;
        }
        Thread.ofVirtual().name("media-republish").start(() -> {
            try {
                int products = images.republishAll();
                rows.setState(BASE_URL_STATE, current);
                if (products > 0) {
                    log.info("Media base URL is now {}: image URLs of {} products rewritten", current, products);
                }
            } catch (RuntimeException e) {
                log.warn("Could not rewrite the products' image URLs for {}; retried at the next start", current, e);
            }
        });
    }
}
