package dev.bazaar.media.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the media store at {@code /media/**} (whichever store is in use; with a CDN or a public bucket in front,
 * browsers do not come here). Names are content-hashed, so every answer may be cached forever; the ETag is the
 * name's hash and size, and a matching {@code If-None-Match} gets 304.
 */
@RestController
class MediaFileController {

    static final String CACHE_CONTROL = S3MediaStore.CACHE_CONTROL;
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9-]+)+\\.(jpg|png)");

    private final MediaStores stores;

    MediaFileController(MediaStores stores) {
        this.stores = stores;
    }

    @GetMapping("/media/**")
    ResponseEntity<byte[]> file(HttpServletRequest request) {
        String key = request.getRequestURI().substring("/media/".length());
        if (!KEY.matcher(key).matches()) {
            return notFound();
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        String etag = "\"" + name.substring(0, name.lastIndexOf('.')) + "\"";
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            if (stores.active().get(key).isPresent()) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                        .header(HttpHeaders.ETAG, etag)
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                        .build();
            }
            return notFound();
        }
        return stores.active()
                .get(key)
                .map(object -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(object.contentType()))
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                        .header(HttpHeaders.ETAG, etag)
                        .header("X-Content-Type-Options", "nosniff")
                        .body(object.content()))
                .orElseGet(MediaFileController::notFound);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
