package dev.bazaar.catalog.internal.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Leaf;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Spec;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Top;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generated catalog, pinned: SHA-256 digests of the category tree, of the taxonomy as loaded (every noun,
 * specification, price and setting, and what the generated specifications draw) and of the first 20,000 products
 * of one seed (every field). The digests were recorded with the taxonomy written as Java, before it moved to
 * {@code catalog/taxonomy.yaml}; a change to the file or to the generator that changes the catalog shows here.
 */
class SyntheticCatalogDigestTest {

    private static final int PRODUCTS = 20_000;

    @Test
    void theCategoryTreeIsUnchanged() {
        Digest digest = new Digest();
        for (SyntheticCategory category : new SyntheticCatalog(42).categories()) {
            digest.add(category.slug()).add(category.name()).add(category.parentSlug());
        }
        assertThat(digest.hex()).isEqualTo("02358468c2074610d4dc7144c987d98e794673f3d1308888a687c78006c12602");
    }

    @Test
    void theTaxonomyIsUnchanged() {
        Digest digest = new Digest();
        for (Top top : SyntheticCatalog.tree()) {
            digest.add("top").add(top.slug).add(top.name);
            digest.add(top.brands).add(top.adjectives).add(top.series).add(top.pitches);
            for (Leaf leaf : top.leaves) {
                digest.add("leaf").add(leaf.slug).add(leaf.name).add(leaf.top.slug);
                digest.add(leaf.adjectives)
                        .add(leaf.prefix)
                        .add(leaf.sigma)
                        .add(leaf.book)
                        .add(leaf.genre);
                for (Type type : leaf.types) {
                    digest.add("type").add(type.medianPrice).add(type.minPrice).add(type.maxPrice);
                    digest.add(type.nouns).add(type.lowerNouns);
                    for (Spec spec : type.specs) {
                        digest.add("spec").add(spec.key).add(spec.label).add(spec.position.name());
                        digest.add(spec.titleSuffix).add(spec.values).add(spec.generated);
                        if (spec.generated) {
                            SplittableRandom random = new SplittableRandom(7);
                            for (int i = 0; i < 2_000; i++) {
                                digest.add(spec.generate(random));
                            }
                        }
                    }
                }
            }
        }
        assertThat(digest.hex()).isEqualTo("50302dc04507c161230ebfc2176a8cbc4e8d9114517c4be39d4eb76b8b2ef61a");
    }

    @Test
    void theFirstProductsOfASeedAreUnchanged() {
        Digest digest = new Digest();
        new SyntheticCatalog(42).products(PRODUCTS).forEach(product -> {
            digest.add(product.title()).add(product.description()).add(product.brand());
            digest.add(product.price().toPlainString()).add(product.currency()).add(product.categorySlug());
            digest.add(product.rating().toPlainString())
                    .add(product.reviewCount())
                    .add(product.popularity());
            digest.add(product.stock()).add(product.createdAt().toString());
            product.specifications().forEach((key, value) -> digest.add(key).add(value));
            digest.add("images").add(product.imageUrls().toArray(String[]::new));
        });
        assertThat(digest.hex()).isEqualTo("05179118ac419de83e289c187c468a60552fe69a375012c345cc100104f0d2a3");
    }

    /** Length-prefixed fields, so that no two different sequences of fields read the same. */
    private static final class Digest {

        private final MessageDigest sha256;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Digest add(String value) {
            if (value == null) {
                sha256.update((byte) 0);
                return this;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            sha256.update((byte) 1);
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
            return this;
        }

        Digest add(String[] values) {
            if (values == null) {
                return add((String) null);
            }
            add(values.length);
            for (String value : values) {
                add(value);
            }
            return this;
        }

        Digest add(long value) {
            return add(Long.toString(value));
        }

        Digest add(double value) {
            return add(Double.toString(value));
        }

        Digest add(boolean value) {
            return add(Boolean.toString(value));
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
