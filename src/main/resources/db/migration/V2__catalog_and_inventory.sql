-- Catalog: the seed's categories and products tables, adapted as follows.
--  * products.stock is not here: stock belongs to the inventory module (inventory_items below), so that
--    reservations can update it atomically without touching catalog rows or caches.
--  * products gain brand, currency and active (search facets, multi-currency prices, soft deactivation),
--    and review_count/rating are NOT NULL with defaults so summaries never read NULL.
CREATE TABLE categories (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name        VARCHAR(255) NOT NULL,
    slug        VARCHAR(255) NOT NULL UNIQUE,
    parent_id   UUID REFERENCES categories (id),
    description TEXT,
    image_url   VARCHAR(500),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_categories_parent ON categories (parent_id);

CREATE TABLE products (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    title          VARCHAR(500)   NOT NULL,
    description    TEXT,
    price          DECIMAL(10, 2) NOT NULL CHECK (price >= 0),
    currency       CHAR(3)        NOT NULL DEFAULT 'USD',
    category_id    UUID REFERENCES categories (id),
    brand          VARCHAR(255),
    rating         DECIMAL(3, 2)  NOT NULL DEFAULT 0.00 CHECK (rating >= 0 AND rating <= 5),
    review_count   INTEGER        NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    image_urls     TEXT[]         NOT NULL DEFAULT '{}',
    specifications JSONB          NOT NULL DEFAULT '{}',
    seller_id      UUID REFERENCES users (id),
    active         BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX idx_products_category ON products (category_id);
CREATE INDEX idx_products_price ON products (price);
CREATE INDEX idx_products_rating ON products (rating DESC);
CREATE INDEX idx_products_seller ON products (seller_id);
CREATE INDEX idx_products_search ON products
    USING GIN (to_tsvector('english', title || ' ' || COALESCE(description, '')));

-- Inventory: stock per product, owned by the inventory module. reserved counts units held by unpaid
-- checkouts; the CHECKs make overselling impossible whatever the concurrency.
CREATE TABLE inventory_items (
    product_id UUID PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    on_hand    INTEGER     NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved   INTEGER     NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
