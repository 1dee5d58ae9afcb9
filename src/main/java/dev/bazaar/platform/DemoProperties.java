package dev.bazaar.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo store ({@code bazaar.demo.*}), one switch that several modules follow: the catalog imports the demo
 * products, recommendation their purchase history, media their pictures.
 *
 * @param enabled whether a first start with an empty catalog fills the store with the demo data
 */
@ConfigurationProperties("bazaar.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled) {}
