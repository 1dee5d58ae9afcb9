/**
 * Product search: full-text relevance (BM25), facets, fuzzy matching and autocomplete behind one search port,
 * served by embedded Apache Lucene by default and by OpenSearch in a cluster. Owns its index only; it follows
 * catalog events and never writes catalog data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package dev.bazaar.search;
