package dev.bazaar.media;

import java.util.UUID;

/**
 * An image of a product, with the URL of each of its sizes. URLs look like {@code
 * {public-base-url}/products/{productId}/{hash}-{thumb|medium|large}.{jpg|png}} ({@code /media} by default, served
 * by the application; a CDN's address when configured): the name changes whenever the content does, so each URL
 * may be cached forever.
 *
 * @param position 0 for the product's first (main) image
 * @param format the uploaded file's format: {@code jpeg}, {@code png} or {@code webp} (stored sizes are JPEG, or
 *     PNG for images with transparency)
 * @param width the uploaded image's width in pixels
 * @param height the uploaded image's height in pixels
 */
public record ProductImage(
        UUID id,
        UUID productId,
        int position,
        String format,
        int width,
        int height,
        String thumbUrl,
        String mediumUrl,
        String largeUrl) {

    /** The URL of one of the image's sizes. */
    public String url(ImageSize size) {
        return switch (size) {
            case THUMB -> thumbUrl;
            case MEDIUM -> mediumUrl;
            case LARGE -> largeUrl;
        };
    }
}
