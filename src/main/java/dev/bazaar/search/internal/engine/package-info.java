/**
 * What both search engines share, so that a new field, filter or rebuild rule is written once: a product's indexed
 * values ({@link dev.bazaar.search.internal.engine.IndexedProduct}) and the version of the document shape they make,
 * a request's filter values ({@link dev.bazaar.search.internal.engine.FilterValues}), and the bookkeeping of a full
 * rebuild ({@link dev.bazaar.search.internal.engine.RebuildFeed}, {@link
 * dev.bazaar.search.internal.engine.RebuildChangeLog}). The Lucene and OpenSearch adapters only turn these into
 * their own documents and queries.
 */
package dev.bazaar.search.internal.engine;
