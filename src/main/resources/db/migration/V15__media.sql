-- Media: the images uploaded for products, owned by the media module. Each row names its objects in the media
-- store by content hash (products/{product_id}/{hash}-{size}.{ext}, one per size), so their URLs never change
-- meaning and can be cached forever. One hash per product: the same file uploaded twice is the same image.
CREATE TABLE product_images (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id  UUID        NOT NULL,
    position    INTEGER     NOT NULL CHECK (position >= 0),
    hash        VARCHAR(64) NOT NULL,
    extension   VARCHAR(8)  NOT NULL,
    format      VARCHAR(8)  NOT NULL,
    width       INTEGER     NOT NULL CHECK (width > 0),
    height      INTEGER     NOT NULL CHECK (height > 0),
    sizes       TEXT[]      NOT NULL,
    uploaded_by UUID,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (product_id, hash)
);

CREATE INDEX idx_product_images_product ON product_images (product_id, position);

-- The media module's own settings that must survive restarts: which public base URL the catalog's image URLs
-- were last written with, and whether the demo pictures were generated.
CREATE TABLE media_state (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT        NOT NULL
);
