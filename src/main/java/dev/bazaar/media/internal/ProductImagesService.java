package dev.bazaar.media.internal;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.media.ImageSize;
import dev.bazaar.media.ProductImage;
import dev.bazaar.media.ProductImages;
import dev.bazaar.media.internal.ImagePipeline.Processed;
import dev.bazaar.media.internal.ProductImageStore.ImageRow;
import dev.bazaar.platform.AfterCommit;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.security.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploading, reordering and deleting a product's images. An upload writes its objects first and its row after: if
 * the row cannot be written, the objects are deleted again; if the process dies in between, the orphan sweep
 * deletes them later ({@link OrphanSweep}). A deleted image's objects are deleted once the row's deletion committed.
 * Every change hands the product's URLs to the catalog in the same transaction, under a per-product lock, so
 * concurrent changes cannot leave the catalog with an older list.
 */
@Service
class ProductImagesService implements ProductImages {

    private static final Logger log = LoggerFactory.getLogger(ProductImagesService.class);

    private final ProductImageStore rows;
    private final MediaStores stores;
    private final ImagePipeline pipeline;
    private final ProductCatalog catalog;
    private final TransactionTemplate transactions;
    private final MediaProperties properties;

    ProductImagesService(
            ProductImageStore rows,
            MediaStores stores,
            ImagePipeline pipeline,
            ProductCatalog catalog,
            TransactionTemplate transactions,
            MediaProperties properties) {
        this.rows = rows;
        this.stores = stores;
        this.pipeline = pipeline;
        this.catalog = catalog;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** The result of an upload: the image, and whether it is new (false: the product already had this file). */
    record Upload(ProductImage image, boolean created) {}

    @Override
    public List<ProductImage> images(UUID productId) {
        return rows.ofProduct(productId).stream().map(this::view).toList();
    }

    List<ProductImage> list(UUID productId) {
        if (catalog.indexable(productId).isEmpty()) {
            throw DomainException.notFound("Product");
        }
        return images(productId);
    }

    @Override
    public ProductImage upload(CurrentUser caller, UUID productId, byte[] bytes, String declaredType, String fileName) {
        return add(caller, productId, bytes, declaredType, fileName).image();
    }

    Upload add(CurrentUser caller, UUID productId, byte[] bytes, String declaredType, String fileName) {
        requireManage(caller, productId);
        if (bytes.length == 0) {
            throw DomainException.invalidField("file", "is empty");
        }
        Processed processed = pipeline.process(bytes, declaredType, fileName);
        return store(productId, processed, caller.id());
    }

    /** Stores an image's sizes and its row, and shows it on the product; the demo pictures come this way too. */
    Upload store(UUID productId, Processed processed, UUID uploadedBy) {
        var existing = rows.byHash(productId, processed.hash());
        if (existing.isPresent()) {
            return new Upload(view(existing.get()), false);
        }
        if (rows.ofProduct(productId).size() >= properties.maxImagesPerProduct()) {
            throw tooMany();
        }
        List<String> written = new ArrayList<>();
        try {
            writeSizes(productId, processed, written);
            ImageRow row = transactions.execute(tx -> {
                rows.lockProduct(productId);
                if (rows.ofProduct(productId).size() >= properties.maxImagesPerProduct()) {
                    throw tooMany();
                }
                ImageRow inserted = insertRow(productId, processed, uploadedBy);
                publish(productId);
                return inserted;
            });
            return new Upload(view(row), true);
        } catch (DuplicateKeyException sameFileMeanwhile) {
            // The same file was uploaded concurrently for this product: its row owns these objects now.
            return new Upload(
                    view(rows.byHash(productId, processed.hash()).orElseThrow(() -> sameFileMeanwhile)), false);
        } catch (RuntimeException e) {
            if (!rows.exists(productId, processed.hash())) {
                deleteQuietly(written);
            }
            throw e;
        }
    }

    /** Puts every size of an image in the media store, noting each key written (to delete them on failure). */
    private void writeSizes(UUID productId, Processed processed, List<String> written) {
        for (Map.Entry<ImageSize, byte[]> size : processed.sizes().entrySet()) {
            String key = key(productId, processed.hash(), size.getKey(), processed.extension());
            stores.active().put(key, size.getValue(), MediaStore.contentType(key));
            written.add(key);
        }
    }

    private ImageRow insertRow(UUID productId, Processed processed, UUID uploadedBy) {
        return rows.insert(
                productId,
                processed.hash(),
                processed.extension(),
                processed.format().id(),
                processed.width(),
                processed.height(),
                processed.sizes().keySet().stream().map(ImageSize::suffix).toList(),
                uploadedBy);
    }

    /**
     * Stores the first image of each of several products that have none (the demo pictures): every object first,
     * then every row and catalog hand-over in one transaction, which saves a commit per product. A product that
     * got an image meanwhile is left as it is. On failure nothing of the batch is kept.
     */
    void storeFirstImages(Map<UUID, Processed> images) {
        List<String> written = new ArrayList<>();
        try {
            images.forEach((productId, processed) -> writeSizes(productId, processed, written));
            transactions.executeWithoutResult(tx -> images.forEach((productId, processed) -> {
                rows.lockProduct(productId);
                if (!rows.ofProduct(productId).isEmpty()) {
                    return;
                }
                insertRow(productId, processed, null);
                publish(productId);
            }));
        } catch (RuntimeException e) {
            written.removeIf(key -> {
                java.util.regex.Matcher named = OBJECT_KEY.matcher(key);
                return named.matches() && rows.exists(UUID.fromString(named.group(1)), named.group(2));
            });
            deleteQuietly(written);
            throw e;
        }
    }

    private static final java.util.regex.Pattern OBJECT_KEY =
            java.util.regex.Pattern.compile("products/([0-9a-f-]{36})/([0-9a-f]+)-[a-z]+\\.[a-z]+");

    @Override
    public List<ProductImage> reorder(CurrentUser caller, UUID productId, List<UUID> imageIds) {
        requireManage(caller, productId);
        return transactions.execute(tx -> {
            rows.lockProduct(productId);
            List<ImageRow> current = rows.ofProduct(productId);
            var currentIds = new HashSet<UUID>();
            current.forEach(row -> currentIds.add(row.id()));
            if (imageIds.size() != current.size() || !currentIds.equals(new HashSet<>(imageIds))) {
                throw DomainException.invalidField("imageIds", "must list each of the product's images exactly once");
            }
            for (int i = 0; i < imageIds.size(); i++) {
                rows.setPosition(imageIds.get(i), i);
            }
            publish(productId);
            return images(productId);
        });
    }

    @Override
    public void delete(CurrentUser caller, UUID productId, UUID imageId) {
        requireManage(caller, productId);
        transactions.executeWithoutResult(tx -> {
            rows.lockProduct(productId);
            ImageRow row = rows.ofProduct(productId).stream()
                    .filter(image -> image.id().equals(imageId))
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound("Image"));
            rows.delete(productId, imageId);
            List<ImageRow> rest = rows.ofProduct(productId);
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).position() != i) {
                    rows.setPosition(rest.get(i).id(), i);
                }
            }
            publish(productId);
            List<String> keys = keys(row);
            AfterCommit.run(() -> deleteQuietly(keys)); // left behind on failure: the sweep deletes it later
        });
    }

    /** Hands the product's current URLs to the catalog; runs in the caller's transaction, under the lock. */
    void publish(UUID productId) {
        List<ImageRow> current = rows.ofProduct(productId);
        catalog.showImages(
                productId,
                current.stream().map(row -> url(row, ImageSize.MEDIUM)).toList(),
                current.isEmpty() ? null : url(current.getFirst(), ImageSize.THUMB));
    }

    /** Hands every product's URLs to the catalog again (after the public base URL changed); returns the count. */
    int republishAll() {
        int count = 0;
        for (UUID productId : rows.allProducts()) {
            try {
                transactions.executeWithoutResult(tx -> {
                    rows.lockProduct(productId);
                    publish(productId);
                });
                count++;
            } catch (java.util.NoSuchElementException productGone) {
                log.debug("Product {} with images no longer exists", productId);
            }
        }
        return count;
    }

    private void requireManage(CurrentUser caller, UUID productId) {
        if (caller.role() == Role.CUSTOMER) {
            throw DomainException.forbidden("Only the product's seller and admins manage its images");
        }
        if (catalog.indexable(productId).isEmpty()) {
            throw DomainException.notFound("Product");
        }
        if (!catalog.mayManage(productId, caller)) {
            throw DomainException.forbidden("Only the product's seller and admins manage its images");
        }
    }

    ProductImage view(ImageRow row) {
        return new ProductImage(
                row.id(),
                row.productId(),
                row.position(),
                row.format(),
                row.width(),
                row.height(),
                url(row, ImageSize.THUMB),
                url(row, ImageSize.MEDIUM),
                url(row, ImageSize.LARGE));
    }

    private String url(ImageRow row, ImageSize size) {
        return properties.baseUrl() + "/" + key(row.productId(), row.hash(), size, row.extension());
    }

    static List<String> keys(ImageRow row) {
        List<String> keys = new ArrayList<>();
        for (String suffix : row.sizes()) {
            keys.add("products/" + row.productId() + "/" + row.hash() + "-" + suffix + "." + row.extension());
        }
        return keys;
    }

    static String key(UUID productId, String hash, ImageSize size, String extension) {
        return "products/" + productId + "/" + hash + "-" + size.suffix() + "." + extension;
    }

    private void deleteQuietly(List<String> keys) {
        for (String key : keys) {
            try {
                stores.active().delete(key);
            } catch (RuntimeException e) {
                log.warn("Cannot delete media object {} (the orphan sweep will): {}", key, e.toString());
            }
        }
    }

    private DomainException tooMany() {
        return DomainException.unprocessable(
                "TOO_MANY_IMAGES", "A product has at most " + properties.maxImagesPerProduct() + " images");
    }
}
