package dev.bazaar.search.internal.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which query word names the kind of product, the one whose BM25 counts double. */
class ProductWordTest {

    private final Analyzer text = ProductAnalyzers.text();

    @AfterEach
    void close() {
        text.close();
    }

    private String productWord(String query) {
        var terms = ProductAnalyzers.queryTerms(text, query);
        return terms.get(ProductAnalyzers.productWordIndex(text, query, terms));
    }

    @Test
    void isTheLastWord() {
        assertThat(productWord("rustic storage cabinet")).isEqualTo("cabinet");
        assertThat(productWord("sunflower")).isEqualTo("sunflow");
    }

    @Test
    void isTheLastWordBeforeForWithOrWithout() {
        assertThat(productWord("desk for kids 10 year old")).isEqualTo("desk");
        assertThat(productWord("Sofa WITH chaise")).isEqualTo("sofa");
        assertThat(productWord("oak dining table without chairs")).isEqualTo("tabl");
    }

    @Test
    void isTheLastWordWhenNothingPrecedesTheQualifierOrItIsPartOfAWord() {
        assertThat(productWord("for kids desk")).isEqualTo("desk");
        assertThat(productWord("fortress wall art")).isEqualTo("art"); // "for" inside a word is no qualifier
    }
}
