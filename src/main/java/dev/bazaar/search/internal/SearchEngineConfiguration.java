package dev.bazaar.search.internal;

import dev.bazaar.search.internal.lucene.LuceneSearchEngine;
import dev.bazaar.search.internal.opensearch.OpenSearchSearchEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search engine behind the port: embedded Lucene unless {@code bazaar.search.engine=opensearch}, which uses the
 * OpenSearch cluster at {@code bazaar.search.opensearch.url}.
 */
@Configuration(proxyBeanMethods = false)
class SearchEngineConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "bazaar.search.engine", havingValue = "lucene", matchIfMissing = true)
    SearchEngine luceneSearchEngine(SearchProperties properties) {
        return new LuceneSearchEngine(properties.indexDirectory());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "bazaar.search.engine", havingValue = "opensearch")
    SearchEngine openSearchSearchEngine(OpenSearchProperties properties) {
        return new OpenSearchSearchEngine(properties.connection());
    }
}
