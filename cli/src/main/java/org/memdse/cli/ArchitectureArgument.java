package org.memdse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SourceMap;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.cost.timing.ClockDerivation;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Validated;
import org.memdse.cost.registry.ComponentModelRegistry;

/** Turns what the user typed (a file, or the id of a bundled description) into a source to read. */
final class ArchitectureArgument {
    private ArchitectureArgument() {
    }

    static SpecSource source(String nameOrFile) {
        if (nameOrFile.isBlank()) {
            // Path.of("") is the working directory: "cannot read the file: is a directory" named no file.
            throw new UserInputException("the architecture is empty ('" + nameOrFile + "'); give an architecture YAML"
                    + " file or a bundled architecture id ('memdse catalog' lists them)");
        }
        Path path = Path.of(nameOrFile);
        // A dangling or looping link is the user's file too: the reader says what is wrong with it.
        if (Files.exists(path) || Files.isSymbolicLink(path)) {
            return SpecSource.of(path);
        }
        Catalog catalog = Catalog.bundled();
        return catalog.architecture(nameOrFile).map(catalog::source).orElseThrow(() -> new UserInputException(
                "no file '" + nameOrFile + "' and no bundled architecture of that name"
                        + catalog.didYouMean(nameOrFile, CatalogEntry.Kind.ARCHITECTURE)
                        + "; 'memdse catalog' lists the bundled ones"));
    }

    /** Reads a description; its warnings go to {@code err}. */
    static Architecture read(String nameOrFile, PrintWriter err) {
        Validated<Architecture> read = ArchitectureReader.readValidated(source(nameOrFile));
        MemdseCommand.printWarnings(err, read.warnings());
        return read.value();
    }

    /**
     * Reads a description and checks that a cost model (or the component's published figures)
     * prices every component, as {@code evaluate} will need; its warnings go to {@code err}.
     *
     * @throws SpecException with every error, a component no model prices included
     */
    static Architecture readPriced(String nameOrFile, PrintWriter err) {
        Validated<Architecture> read = readPriced(nameOrFile);
        MemdseCommand.printWarnings(err, read.warnings());
        return read.value();
    }

    /**
     * A given clock the slowest sensing path does not fit in, or {@code clock: auto} with no path to
     * derive it from: an error at the technology, with the path, by how much, and the fix.
     */
    static java.util.Optional<Diagnostic> clockProblem(Validated<Architecture> read, String file) {
        Architecture a = read.value();
        java.util.Optional<String> problem = a.technology().clockGiven()
                ? ClockDerivation.shortfall(a)
                : ClockDerivation.critical(a, a.technology()).isPresent()
                        ? java.util.Optional.empty() : java.util.Optional.of(ClockDerivation.noPathMessage());
        return problem.map(message -> new Diagnostic(read.sources().locate(a.technology())
                .map(SourceMap.Location::position).orElse(SourcePosition.ofFile(file)), "technology.clock", message));
    }

    /** As {@link #readPriced(String, PrintWriter)}, with the warnings returned instead of printed. */
    static Validated<Architecture> readPriced(String nameOrFile) {
        SpecSource source = source(nameOrFile);
        Validated<Architecture> read = ArchitectureReader.readValidated(source);
        List<Diagnostic> refusals = new java.util.ArrayList<>(
                ModelCoverage.check(read, source.displayName(), ComponentModelRegistry.load()));
        clockProblem(read, source.displayName()).ifPresent(refusals::add);
        if (!refusals.isEmpty()) {
            throw new SpecException(refusals, read.warnings());
        }
        return read;
    }
}
