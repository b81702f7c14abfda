package org.memdse.report.html;

import org.memdse.report.svg.Svg;

/** HTML helpers shared by the report writers: escaping, the page frame and its stylesheet. */
public final class Html {
    /** One stylesheet, inline; system fonts only; prints on A4/letter without cut charts. */
    static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif;
                   color: #222; background: #fff; margin: 24px auto; max-width: 880px; padding: 0 16px;
                   line-height: 1.45; font-size: 15px; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
            h3 { font-size: 1.1em; margin-top: 1.5em; }
            p.meta, p.note { color: #555; font-size: 0.92em; }
            nav ul { columns: 2; font-size: 0.92em; padding-left: 1.2em; }
            table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.9em; }
            th, td { border: 1px solid #d0d0d0; padding: 4px 8px; vertical-align: top; }
            th { background: #f2f2f2; text-align: left; }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.unit { color: #555; white-space: nowrap; }
            td.best { font-weight: bold; background: #e6f1fa; }
            td.best::before { content: "★ "; color: #0072B2; }
            span.ratio { display: block; color: #666; font-size: 0.85em; font-weight: normal; }
            td.path { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.88em; }
            td.missing { color: #999; }
            figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; }
            figure svg { max-width: 100%; height: auto; display: block; }
            figcaption { font-size: 0.88em; color: #555; margin-top: 0.3em; }
            .failed { color: #a0410d; }
            @media print { body { margin: 0; max-width: none; } nav { display: none; } h2 { page-break-before: auto; } }
            """;

    private Html() {
    }

    public static String esc(String s) {
        return Svg.esc(s);
    }

    /** An element id from free text. */
    static String id(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static void open(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
    }

    static void close(StringBuilder b) {
        b.append("</body>\n</html>\n");
    }

    static void figure(StringBuilder b, String svg, String caption) {
        b.append("<figure>\n").append(svg);
        if (caption != null) {
            b.append("<figcaption>").append(esc(caption)).append("</figcaption>\n");
        }
        b.append("</figure>\n");
    }
}
