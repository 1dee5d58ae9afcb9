package dev.bazaar.search.internal.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinedWordsTest {

    // products holding each word in a made-up catalog
    private static final Map<String, Long> CATALOG = Map.of(
            "room",
            40L,
            "tables",
            90L,
            "roomt",
            1L,
            "ables",
            1L,
            "small",
            300L,
            "twin",
            50L,
            "xl",
            12L,
            "bookcase",
            20L,
            "book",
            30L,
            "case",
            60L);

    private static String split(String... words) {
        List<String> query = List.of(words);
        return JoinedWords.split(query, word -> {
            assertThat(JoinedWords.lookups(query)).contains(word); // only what lookups asked for is needed
            return CATALOG.getOrDefault(word, 0L);
        });
    }

    @Test
    void splitsAnUnknownWordIntoTwoKnownOnes() {
        assertThat(split("small", "roomtables")).isEqualTo("small room tables");
        assertThat(split("twinxl")).isEqualTo("twin xl");
    }

    @Test
    void keepsStopWordsInTheQueryAndNeverSplitsThem() {
        // "for" tells which word names the product, so the split query keeps it
        assertThat(split("sheets", "for", "twinxl")).isEqualTo("sheets for twin xl");
        // the index holds no stop word, yet "there" is not "th ere"
        assertThat(split("there", "twinxl")).isEqualTo("there twin xl");
    }

    @Test
    void ofSeveralSplitsTakesTheOneWhoseRarerPartIsMostCommon() {
        // "roomt ables" is a split into known words too, but each is held by one product only
        assertThat(split("roomtables")).isEqualTo("room tables");
    }

    @Test
    void keepsKnownWordsShortWordsAndWordsWithoutASplit() {
        assertThat(split("bookcase")).isNull(); // known, though "book" and "case" are too
        assertThat(split("xlbo")).isNull(); // shorter than MIN_LENGTH
        assertThat(split("roomqq")).isNull(); // "qq" is no word of the catalog
        assertThat(JoinedWords.lookups(List.of("xlbo", "it's"))).isEmpty();
    }
}
