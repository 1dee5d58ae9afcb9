package dev.bazaar.media.internal;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The media stores: the local directory (always there: the default store, and the source of a copy to S3), the
 * S3-compatible bucket when {@code bazaar.media.s3.bucket} is set, and which of them is in use
 * ({@code bazaar.media.store}).
 */
@Component
class MediaStores {

    private static final Logger log = LoggerFactory.getLogger(MediaStores.class);

    private final LocalMediaStore local;
    private final S3MediaStore s3;
    private final MediaStore active;

    MediaStores(MediaProperties properties) {
        this.local = new LocalMediaStore(properties.directory());
        this.s3 = properties.s3().configured() ? new S3MediaStore(properties.s3()) : null;
        if (properties.s3Active()) {
            if (s3 == null) {
                throw new IllegalStateException("bazaar.media.store=s3 needs bazaar.media.s3.bucket");
            }
            this.active = s3;
        } else {
            this.active = local;
        }
        log.info("Media store: {}; image URLs start with {}", active.describe(), properties.baseUrl());
    }

    MediaStore active() {
        return active;
    }

    LocalMediaStore local() {
        return local;
    }

    Optional<S3MediaStore> s3() {
        return Optional.ofNullable(s3);
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
