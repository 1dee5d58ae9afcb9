/**
 * The HTTP contract every module follows: {@link dev.bazaar.platform.web.ApiResponse} for successes,
 * {@link dev.bazaar.platform.DomainException} (a refusal, by a module or by the web layer itself, its status given by
 * its kind through {@link dev.bazaar.platform.web.DomainStatus}) for failures a client can act on, and {@link
 * dev.bazaar.platform.web.Pagination} for lists.
 */
@org.springframework.modulith.NamedInterface("web")
package dev.bazaar.platform.web;
