/**
 * The web app: the storefront shoppers use and the admin console staff and sellers use, server-rendered pages
 * (Thymeleaf, htmx) in the same deployable. Owns no table: every page calls the other modules' public APIs
 * in-process ({@code ProductBrowsing}, {@code CatalogSearch}, {@code ShopperCarts}, {@code ShopperOrders}, ...),
 * never their internals and never the REST API over HTTP. Browser sessions (cookie, CSRF tokens) live here; the
 * accounts behind them are the identity module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.bazaar.web;
