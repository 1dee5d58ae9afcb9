/**
 * The HTTP contract every module follows: {@link dev.bazaar.platform.web.ApiResponse} for successes,
 * {@link dev.bazaar.platform.web.ApiException} for failures a client can act on, and {@link
 * dev.bazaar.platform.web.Pagination} for lists.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.bazaar.platform.web;
