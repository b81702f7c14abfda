package org.memdse.core.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for near misses: the closest candidate within a small edit distance. */
public final class Suggestions {
    /** Two edits catch typos and swapped letters without suggesting unrelated words. */
    public static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The candidate closest to {@code word}, if it is within {@link #MAX_DISTANCE} edits (case-insensitive). */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT).replace('-', '_');
        int limit = Math.min(MAX_DISTANCE, Math.max(1, word.length() / 3));
        for (String candidate : candidates) {
            // A candidate whose length differs by more than the limit is more edits away than that:
            // skipping it keeps a lookup among a network's 100,000 names linear and cheap.
            if (Math.abs(candidate.length() - word.length()) > limit) {
                continue;
            }
            int d = distance(w, candidate.toLowerCase(Locale.ROOT).replace('-', '_'));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
