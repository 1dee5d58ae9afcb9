package dev.bazaar.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A generated catalog for load tests ({@code bazaar.generate.*}), made on a start with an empty catalog.
 *
 * @param products how many products to generate; the generator runs only when this is set
 * @param seed the random seed, so two runs generate the same catalog
 */
@ConfigurationProperties("bazaar.generate")
record SyntheticCatalogProperties(
        long products, @DefaultValue("42") long seed) {}
