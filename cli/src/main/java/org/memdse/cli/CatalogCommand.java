package org.memdse.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code memdse catalog}: the bundled descriptions and where their numbers come from. */
@Command(name = "catalog",
        header = "List the bundled architectures, networks and sweeps.", mixinStandardHelpOptions = true,
        description = "List the bundled architectures and networks, usable by name in every command.")
final class CatalogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.bundled();
        print(out, "Architectures", catalog.architectures());
        print(out, "Networks", catalog.networks());
        print(out, "Sweeps (memdse sweep ID -o results.csv)", catalog.sweeps());
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, String title, List<CatalogEntry> entries) {
        out.println(title + " (" + entries.size() + ")");
        int width = entries.stream().mapToInt(e -> e.id().length()).max().orElse(0);
        for (CatalogEntry e : entries) {
            out.printf("  %-" + width + "s  %s%n  %-" + width + "s  source: %s%n", e.id(), e.summary(), "", e.source());
        }
        out.println();
    }
}
