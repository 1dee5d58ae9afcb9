package dev.bazaar.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The store as a whole ({@code bazaar.store.*}).
 *
 * @param currency the ISO 4217 currency of a product created without one
 */
@ConfigurationProperties("bazaar.store")
record StoreProperties(@DefaultValue("USD") String currency) {}
