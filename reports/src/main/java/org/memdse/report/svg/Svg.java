package org.memdse.report.svg;

import java.util.Locale;

/**
 * A minimal SVG writer: the elements the charts use, with attribute values escaped and
 * coordinates rounded to 0.1 px so the files stay small and stable across runs.
 */
public final class Svg {
    /** The sans-serif stack every chart uses; nothing is fetched. */
    public static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

    private final StringBuilder b = new StringBuilder();
    private final double width;
    private final double height;

    public Svg(double width, double height, String title) {
        this.width = width;
        this.height = height;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" role=\"img\" font-family=\"").append(esc(FONT))
                .append("\" font-size=\"12\">\n");
        b.append("<title>").append(esc(title)).append("</title>\n");
        b.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" fill=\"#ffffff\"/>\n");
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** A filled rectangle; {@code cls} and {@code tooltip} may be null. */
    public Svg rect(double x, double y, double w, double h, String fill, String stroke, String cls, String tooltip) {
        b.append("<rect");
        if (cls != null) {
            b.append(" class=\"").append(esc(cls)).append('"');
        }
        b.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            b.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1\"");
        }
        if (tooltip != null) {
            b.append("><title>").append(esc(tooltip)).append("</title></rect>\n");
        } else {
            b.append("/>\n");
        }
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append("\"/>\n");
        return this;
    }

    public Svg dashedLine(double x1, double y1, double x2, double y2, String stroke) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n");
        return this;
    }

    /** A polyline through the points {@code x0,y0,x1,y1,...}. */
    public Svg polyline(double[] xy, String stroke, double strokeWidth) {
        b.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
                .append("\" points=\"");
        for (int i = 0; i + 1 < xy.length; i += 2) {
            b.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        b.append("\"/>\n");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill, String stroke, String cls, String tooltip) {
        b.append("<circle");
        if (cls != null) {
            b.append(" class=\"").append(esc(cls)).append('"');
        }
        b.append(" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            b.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.2\"");
        }
        if (tooltip != null) {
            b.append("><title>").append(esc(tooltip)).append("</title></circle>\n");
        } else {
            b.append("/>\n");
        }
        return this;
    }

    /** A cross (×) marker of half-size {@code r}. */
    public Svg cross(double cx, double cy, double r, String stroke, String cls, String tooltip) {
        b.append("<path");
        if (cls != null) {
            b.append(" class=\"").append(esc(cls)).append('"');
        }
        b.append(" d=\"M").append(n(cx - r)).append(',').append(n(cy - r)).append('L').append(n(cx + r)).append(',')
                .append(n(cy + r)).append('M').append(n(cx - r)).append(',').append(n(cy + r)).append('L')
                .append(n(cx + r)).append(',').append(n(cy - r)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"1.6\" fill=\"none\"");
        if (tooltip != null) {
            b.append("><title>").append(esc(tooltip)).append("</title></path>\n");
        } else {
            b.append("/>\n");
        }
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} in degrees about (x, y). */
    public Svg text(double x, double y, String text, String anchor, double size, String fill, double rotate,
                    boolean bold) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!"start".equals(anchor)) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (size != 12) {
            b.append(" font-size=\"").append(n(size)).append('"');
        }
        if (fill != null && !"#000000".equals(fill)) {
            b.append(" fill=\"").append(fill).append('"');
        }
        if (bold) {
            b.append(" font-weight=\"bold\"");
        }
        if (rotate != 0) {
            b.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        b.append('>').append(esc(text)).append("</text>\n");
        return this;
    }

    public Svg text(double x, double y, String text, String anchor) {
        return text(x, y, text, anchor, 12, null, 0, false);
    }

    /** Opens a group with a class (closed by {@link #end()}). */
    public Svg group(String cls, String tooltip) {
        b.append("<g class=\"").append(esc(cls)).append("\">");
        if (tooltip != null) {
            b.append("<title>").append(esc(tooltip)).append("</title>");
        }
        b.append('\n');
        return this;
    }

    public Svg end() {
        b.append("</g>\n");
        return this;
    }

    @Override
    public String toString() {
        return b + "</svg>\n";
    }

    /** XML text and attribute escaping. */
    public static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String n(double v) {
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }
}
