/**
 * Media: product images. Owns the {@code product_images} and {@code media_state} tables and the media store (a
 * local directory under the data directory, or an S3-compatible bucket), where every uploaded image is kept in
 * three sizes ({@link dev.bazaar.media.ImageSize}) under content-hashed names that are cached forever. Sellers (of
 * their own products, by the catalog's rule {@link dev.bazaar.catalog.ProductCatalog#mayManage}) and admins upload,
 * reorder and delete images; uploads are checked from their content (JPEG, PNG or WebP only, pixel count read from
 * the header before decoding) and re-encoded, which strips their metadata. After every change the product's
 * picture URLs are handed to the catalog ({@link dev.bazaar.catalog.ProductCatalog#showImages}), which shows them
 * on cards and product details. Generates the demo catalog's pictures on first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package dev.bazaar.media;
