package org.memdse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.spec.SpecSource;

/** Turns what the user typed (a file, or the id of a bundled description) into a source to read. */
final class ArchitectureArgument {
    private ArchitectureArgument() {
    }

    static SpecSource source(String nameOrFile) {
        Path path = Path.of(nameOrFile);
        if (Files.exists(path)) {
            return SpecSource.of(path);
        }
        Catalog catalog = Catalog.bundled();
        return catalog.architecture(nameOrFile).map(catalog::source).orElseThrow(() -> new UserInputException(
                "no file '" + nameOrFile + "' and no bundled architecture of that name"
                        + catalog.didYouMean(nameOrFile, CatalogEntry.Kind.ARCHITECTURE)
                        + "; 'memdse catalog' lists the bundled ones"));
    }

    static Architecture read(String nameOrFile) {
        return ArchitectureReader.read(source(nameOrFile));
    }
}
