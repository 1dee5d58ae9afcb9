package dev.bazaar.search.relevance;

/** The relevance evaluation on the embedded Lucene engine (the default). */
class LuceneRelevanceEvaluation extends RelevanceEvaluation {

    @Override
    String engine() {
        return "lucene";
    }
}
