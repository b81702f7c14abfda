package org.memdse.report.svg;

import java.util.List;

/**
 * Colour-blind-safe colours: Okabe and Ito's eight (without black, which is kept for text),
 * followed by Paul Tol's "muted" scheme, so that up to sixteen categories stay apart for
 * readers with protan, deutan or tritan vision. Beyond that the list repeats; every chart also
 * labels its categories in a legend and in tooltips, never by colour alone.
 */
public final class Palette {
    /** Okabe–Ito (2008) then Paul Tol's muted (2021). */
    public static final List<String> CATEGORICAL = List.of(
            "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
            "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499", "#CC6677");

    /** Neutral grey for "other", static energy and points off the Pareto front. */
    public static final String GREY = "#9E9E9E";
    /** Light grey for grid lines and empty tiles. */
    public static final String LIGHT = "#E3E3E3";
    /** Axis and text colour. */
    public static final String INK = "#222222";
    /** Marks infeasible or invalid points (Okabe–Ito vermillion). */
    public static final String ALERT = "#D55E00";

    private Palette() {
    }

    public static String color(int index) {
        return CATEGORICAL.get(Math.floorMod(index, CATEGORICAL.size()));
    }

    /** Black or white text, whichever reads better on {@code fill} (#rrggbb). */
    public static String textOn(String fill) {
        int r = Integer.parseInt(fill.substring(1, 3), 16);
        int g = Integer.parseInt(fill.substring(3, 5), 16);
        int b = Integer.parseInt(fill.substring(5, 7), 16);
        double luminance = 0.299 * r + 0.587 * g + 0.114 * b;
        return luminance > 140 ? "#000000" : "#ffffff";
    }
}
