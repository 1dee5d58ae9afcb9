package dev.bazaar.media.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the store's objects that no image row names: left by an upload whose process died between writing its
 * objects and its row, or by a deletion whose object removal failed. Only objects older than {@code
 * bazaar.media.sweep-min-age} are considered, so an upload in flight keeps its objects. Runs every 6 hours and on
 * demand ({@code POST /api/v1/admin/media/sweep}).
 */
@Component
class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
    private static final Pattern PRODUCT_KEY = Pattern.compile("products/([0-9a-f-]{36})/([0-9a-f]+)-[a-z]+\\.[a-z]+");

    private final MediaStores stores;
    private final JdbcClient jdbc;
    private final Duration minAge;

    OrphanSweep(MediaStores stores, JdbcClient jdbc, MediaProperties properties) {
        this.stores = stores;
        this.jdbc = jdbc;
        this.minAge = properties.sweepMinAge();
    }

    record Result(int examined, int deleted) {}

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void scheduled() {
        sweep();
    }

    Result sweep() {
        Instant cutoff = Instant.now().minus(minAge);
        Set<String> known = new HashSet<>(jdbc.sql("SELECT product_id::text || '/' || hash FROM product_images")
                .query(String.class)
                .list());
        List<String> orphans = new ArrayList<>();
        int[] examined = {0};
        stores.active().list("products/", object -> {
            examined[0]++;
            Matcher key = PRODUCT_KEY.matcher(object.key());
            boolean named = key.matches() && known.contains(key.group(1) + "/" + key.group(2));
            if (!named && object.lastModified().isBefore(cutoff)) {
                orphans.add(object.key());
            }
        });
        int deleted = 0;
        for (String key : orphans) {
            Matcher matcher = PRODUCT_KEY.matcher(key);
            // looked up again: an image may have been uploaded again with the same content since the listing
            if (matcher.matches() && stillNamed(matcher.group(1), matcher.group(2))) {
                continue;
            }
            stores.active().delete(key);
            deleted++;
        }
        if (deleted > 0) {
            log.info("Media sweep deleted {} orphaned objects of {}", deleted, examined[0]);
        }
        return new Result(examined[0], deleted);
    }

    private boolean stillNamed(String productId, String hash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM product_images WHERE product_id = :productId AND hash = :hash)")
                .param("productId", UUID.fromString(productId))
                .param("hash", hash)
                .query(Boolean.class)
                .single();
    }
}
