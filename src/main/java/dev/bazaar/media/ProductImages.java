package dev.bazaar.media;

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
}
