-- Catalog: the card picture of a product (the thumbnail of its first image), next to image_urls (the product
-- page's pictures, in order). Both are set by the media module through ProductCatalog.showImages when a seller
-- uploads, reorders or deletes images; the catalog keeps them so that every card and listing read stays one row.
ALTER TABLE products ADD COLUMN thumbnail_url TEXT;
