package dev.bazaar.search.relevance;

import dev.bazaar.search.OpenSearchTestNode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The relevance evaluation on OpenSearch: the test run's in-process node, one shard. */
@TestPropertySource(
        properties = {
            "bazaar.search.engine=opensearch",
            "bazaar.search.opensearch.replicas=0",
            "bazaar.search.opensearch.refresh-interval=100ms",
            // a bulk load of thousands of products on a shared machine: do not give up on a slow bulk request
            "bazaar.search.opensearch.timeout=60s",
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-opensearch-relevance"
        })
class OpenSearchRelevanceEvaluation extends RelevanceEvaluation {

    static final String INDEX = OpenSearchTestNode.newIndexName("relevance");

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("bazaar.search.opensearch.url", OpenSearchTestNode::url);
        registry.add("bazaar.search.opensearch.index", () -> INDEX);
    }

    @Override
    String engine() {
        return "opensearch";
    }
}
