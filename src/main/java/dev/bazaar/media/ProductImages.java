package dev.bazaar.media;

import dev.bazaar.platform.security.CurrentUser;
import java.util.List;
import java.util.UUID;

/**
 * What other modules (and the storefront) may ask the media module. Cards and product details need not call it:
 * the catalog already carries the URLs ({@code ProductCard.imageUrl}, the first image's thumbnail, and {@code
 * imageUrls}, the medium size of every image in order).
 */
public interface ProductImages {

    /** The product's images in display order (first = main); empty if it has none. */
    List<ProductImage> images(UUID productId);

    /**
     * Adds an image to a product, with the same checks as {@code POST /products/{id}/images}: the product's seller
     * or an admin (else 403), JPEG, PNG or WebP judged by content (else 415), within the size and pixel limits (else
     * 413): refusals are {@link dev.bazaar.platform.DomainException}s whose kinds the API answers with these
     * statuses. The product's existing copy when it already has this exact file.
     */
    ProductImage upload(CurrentUser caller, UUID productId, byte[] bytes, String declaredType, String fileName);

    /** Puts the images in this order (every image of the product once; first = main image). */
    List<ProductImage> reorder(CurrentUser caller, UUID productId, List<UUID> imageIds);

    /** Deletes an image and its stored sizes. */
    void delete(CurrentUser caller, UUID productId, UUID imageId);
}
