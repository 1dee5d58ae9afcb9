package dev.bazaar.media.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where media objects live: a key (a relative path such as {@code products/{id}/{hash}-thumb.jpg}) to bytes. Keys are
 * content-hashed, so an object is written once and never changed.
 */
interface MediaStore {

    /** Stores the object (replacing any with this key). */
    void put(String key, byte[] content, String contentType);

    /** The object, or empty if there is none. */
    Optional<StoredObject> get(String key);

    /** Deletes the object; nothing happens if there is none. */
    void delete(String key);

    /** Calls {@code each} for every object whose key starts with {@code prefix}. */
    void list(String prefix, Consumer<ObjectInfo> each);

    /** A name for logs: where the objects are. */
    String describe();

    record StoredObject(byte[] content, String contentType) {}

    record ObjectInfo(String key, long size, Instant lastModified) {}

    /** The content type of a key, from its extension. */
    static String contentType(String key) {
        if (key.endsWith(".png")) {
            return "image/png";
        }
        if (key.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}
