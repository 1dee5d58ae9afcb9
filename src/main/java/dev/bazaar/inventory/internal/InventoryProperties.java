package dev.bazaar.inventory.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stock settings ({@code bazaar.inventory.*}).
 *
 * @param lowStockThreshold available units below which {@code LowStockReached} is published and the admin
 *     console lists the product as low
 */
@ConfigurationProperties("bazaar.inventory")
record InventoryProperties(@DefaultValue("5") int lowStockThreshold) {}
