package dev.bazaar.search.internal.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinedWordsTest {

    // products holding each word in a made-up catalog
    private static final Map<String, Long> CATALOG = Map.ofEntries(
            Map.entry("room", 40L),
            Map.entry("tables", 90L),
            Map.entry("roomt", 1L),
            Map.entry("ables", 1L),
            Map.entry("small", 300L),
            Map.entry("twin", 50L),
            Map.entry("xl", 12L),
            Map.entry("bookcase", 20L),
            Map.entry("book", 30L),
            Map.entry("case", 60L),
            Map.entry("harbour", 5L),
            Map.entry("light", 80L),
            Map.entry("lab", 3L),
            Map.entry("top", 70L));

    // words that match products as typed without being in the catalog above: a brand no title has, and a typo
    private static final Set<String> MATCH_AS_TYPED = Set.of("harbourlight", "labtop");

    private static String split(String... words) {
        List<String> query = List.of(words);
        return JoinedWords.split(
                query,
                word -> {
                    assertThat(JoinedWords.candidates(query)).contains(word); // only candidates are asked about
                    return CATALOG.containsKey(word) || MATCH_AS_TYPED.contains(word);
                },
                word -> {
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

    @Test
    void neverSplitsAWordThatMatchesAsTypedInAnotherFieldOrWithinTheTypoAllowance() {
        // a brand (in the brand field only) stays whole, and a typo is read as the word it misspells
        assertThat(split("harbourlight", "lamp")).isNull();
        assertThat(split("labtop")).isNull();
    }
}
