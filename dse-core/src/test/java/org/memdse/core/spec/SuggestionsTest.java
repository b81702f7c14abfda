package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "'',         '',          0",
        "abc,        abc,         0",
        "abc,        '',          3",
        "kitten,     sitting,     3",
        "cell,       cel,         1",
        "rows,       rwos,        1",
        "macro,      macor,       1",
        "ab,         ba,          1",
        "abcdef,     badcfe,      3",
        "bits_per_cell, bit_per_cells, 2",
    })
    void distanceCountsEditsAndAdjacentSwaps(String a, String b, int expected) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
        assertThat(Suggestions.distance(b, a)).isEqualTo(expected);
    }

    @Test
    void distanceIsSymmetricAndBoundedOnRandomWords() {
        long seed = 7;
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String a = word(random);
            String b = word(random);
            String c = word(random);
            int ab = Suggestions.distance(a, b);
            assertThat(ab).as("seed %d: %s %s", seed, a, b).isEqualTo(Suggestions.distance(b, a))
                    .isLessThanOrEqualTo(Math.max(a.length(), b.length()))
                    .isGreaterThanOrEqualTo(Math.abs(a.length() - b.length()));
            assertThat(Suggestions.distance(a, a)).isZero();
            assertThat(Suggestions.distance(a, a + c)).isEqualTo(c.length());
        }
    }

    private static String word(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }

    @Test
    void closestFindsNearMissesOnly() {
        List<String> keys = List.of("count", "rows", "cols", "bits_per_cell", "device", "cell");
        assertThat(Suggestions.closest("cel", keys)).hasValue("cell");
        assertThat(Suggestions.closest("bit_per_cell", keys)).hasValue("bits_per_cell");
        assertThat(Suggestions.closest("bits-per-cell", keys)).as("- and _ are the same").hasValue("bits_per_cell");
        assertThat(Suggestions.closest("DEVICE", keys)).as("case-insensitive").hasValue("device");
        assertThat(Suggestions.closest("colour", keys)).isEmpty();
        assertThat(Suggestions.closest("anything", List.of())).isEmpty();
    }

    @Test
    void shortWordsAllowOneEditAndLongOnesTwo() {
        // The limit is min(2, max(1, length / 3)): 'ab' may not become 'xy', 'sar' may become 'sarr'.
        assertThat(Suggestions.closest("sarr", List.of("sar", "flash"))).hasValue("sar");
        assertThat(Suggestions.closest("ab", List.of("xy"))).isEmpty();
        assertThat(Suggestions.closest("ab", List.of("xb"))).hasValue("xb");
        assertThat(Suggestions.closest("rws", List.of("rows"))).hasValue("rows");
        assertThat(Suggestions.closest("rs", List.of("rows"))).isEmpty();
        assertThat(Suggestions.closest("columns_per_ad", List.of("columns_per_adc"))).hasValue("columns_per_adc");
        assertThat(Suggestions.closest("colums_per_ad", List.of("columns_per_adc"))).hasValue("columns_per_adc");
        assertThat(Suggestions.closest("colum_per_a", List.of("columns_per_adc"))).isEmpty();
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstCandidate() {
        assertThat(Suggestions.closest("cat", List.of("cut", "bat", "cap"))).hasValue("bat");
        assertThat(Suggestions.closest("cat", List.of("cap", "cut", "bat"))).hasValue("bat");
    }

    @Test
    void didYouMeanIsAPhraseOrNothing() {
        assertThat(Suggestions.didYouMean("macor", List.of("macro", "macros"))).isEqualTo(" (did you mean 'macro'?)");
        assertThat(Suggestions.didYouMean("zzz", List.of("macro"))).isEmpty();
    }

    @Test
    void skippingCandidatesByLengthSuggestsWhatComparingEveryCandidateWould() {
        Random random = new Random(7);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            names.add(word(random, 1 + random.nextInt(9)));
        }
        for (int t = 0; t < 500; t++) {
            String w = word(random, 1 + random.nextInt(9));
            int limit = Math.min(Suggestions.MAX_DISTANCE, Math.max(1, w.length() / 3));
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String n : names) {
                int d = Suggestions.distance(w, n);
                if (d < bestDistance || (d == bestDistance && n.compareTo(best) < 0)) {
                    best = n;
                    bestDistance = d;
                }
            }
            java.util.Optional<String> expected = bestDistance <= limit ? java.util.Optional.of(best)
                    : java.util.Optional.empty();
            assertThat(Suggestions.closest(w, names)).as(w).isEqualTo(expected);
        }
    }

    private static String word(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + random.nextInt(4)));
        }
        return b.toString();
    }
}
