package dev.bazaar.search.internal.relevance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Words written together: a query word the catalog does not have, that is two words it does have written without
 * the space ("roomtables", "twinxl", "sofabed"), is searched as those two words. The vocabulary is the index's own
 * (the unstemmed {@code spelling} field that "did you mean" reads: titles and descriptions), so there is no word
 * list to maintain, and both engines split alike: each asks its index how many products hold each candidate word
 * ({@link #lookups}) and hands the counts to {@link #split}.
 *
 * <p>Only a word of at least {@link #MIN_LENGTH} letters that matches no product as typed is split: not in any
 * searchable field (so a brand such as "Harbourlight", which is in no title, stays whole) and not within the typo
 * allowance either (so "labtop" is still read as "laptop", not as "lab top"). It is split into two parts of at
 * least {@link #MIN_PART_LENGTH} letters that some product holds each; of several such splits, the one whose rarer
 * part is held by the most products.
 */
public final class JoinedWords {

    /** Shortest word that is tried: anything shorter splits into parts too short to be telling. */
    public static final int MIN_LENGTH = 5;

    /** Shortest part of a split ("xl", "tv"). */
    public static final int MIN_PART_LENGTH = 2;

    private JoinedWords() {}

    /** The words {@link #split} may split, whose matches as typed it asks for; none when the rule is off. */
    public static Set<String> candidates(List<String> words) {
        Set<String> candidates = new LinkedHashSet<>();
        if (RelevanceRules.rules().splitJoinedWords()) {
            words.stream().filter(JoinedWords::splittable).forEach(candidates::add);
        }
        return candidates;
    }

    /**
     * The words whose product counts {@link #split} needs: every part of every candidate's splits; none when the
     * rule is off ({@link RelevanceRules.Rules#splitJoinedWords}).
     */
    public static Set<String> lookups(List<String> words) {
        Set<String> lookups = new LinkedHashSet<>();
        for (String word : candidates(words)) {
            for (int at = MIN_PART_LENGTH; at <= word.length() - MIN_PART_LENGTH; at++) {
                lookups.add(word.substring(0, at));
                lookups.add(word.substring(at));
            }
        }
        return lookups;
    }

    /**
     * The query as {@code words} with each word the index does not hold split in two where both parts are held, or
     * null when no word is split.
     *
     * @param words every word of the query, stop words included ({@link ProductAnalyzers#words}): the split query is
     *     searched instead of the typed one, so it keeps "for" and "with", which tell the word naming the product
     *     ({@link ProductAnalyzers#productWordIndex})
     * @param matchesAsTyped whether a word of {@link #candidates} matches any product as typed (exactly in a searchable
     *     field, or within the typo allowance)
     * @param productsWith how many products hold a word of {@link #lookups}
     */
    public static String split(
            List<String> words, Predicate<String> matchesAsTyped, ToLongFunction<String> productsWith) {
        boolean changed = false;
        List<String> result = new ArrayList<>(words.size() + 1);
        for (String word : words) {
            String split = splittable(word) && !matchesAsTyped.test(word) ? bestSplit(word, productsWith) : null;
            changed |= split != null;
            result.add(split == null ? word : split);
        }
        return changed ? String.join(" ", result) : null;
    }

    private static String bestSplit(String word, ToLongFunction<String> productsWith) {
        String best = null;
        long bestRarer = 0;
        for (int at = MIN_PART_LENGTH; at <= word.length() - MIN_PART_LENGTH; at++) {
            String head = word.substring(0, at);
            String tail = word.substring(at);
            long rarer = Math.min(productsWith.applyAsLong(head), productsWith.applyAsLong(tail));
            if (rarer > bestRarer) { // ties go to the earlier split
                bestRarer = rarer;
                best = head + " " + tail;
            }
        }
        return best;
    }

    // Letters and digits only: a word the tokenizer kept whole with an apostrophe or a dot is left alone. Stop
    // words are not indexed, so the index "lacks" them: they are never split.
    private static boolean splittable(String word) {
        return word.length() >= MIN_LENGTH
                && word.chars().allMatch(Character::isLetterOrDigit)
                && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
    }
}
