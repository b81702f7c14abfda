package org.memdse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.explore.ArchitectureVariants;
import org.memdse.core.explore.PipelinePointEvaluator;
import org.memdse.core.explore.PointEvaluator;
import org.memdse.core.explore.Sampler;
import org.memdse.core.explore.SweepPlan;
import org.memdse.core.explore.SweepPlan.Reference;
import org.memdse.core.explore.SweepReader;
import org.memdse.core.explore.WorkloadVariants;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Suggestions;
import org.memdse.core.spec.Validated;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.Mappers;

/**
 * A sweep file made runnable: read and checked (references resolved, parameter paths found in
 * the base architecture, network paths in the networks), networks loaded once, and the point evaluator wired from the
 * implementations (mapper by name, the cost models' evaluator), with the caches of
 * {@link SweepCaches}. Every problem is a {@link SpecException} at its place in the sweep file.
 */
public final class SweepSetup {
    final SweepPlan plan;
    final Architecture base;
    final ArchitectureVariants variants;
    final WorkloadVariants workloads;
    final List<NetworkGraph> networks;
    final Mapper mapper;
    final Sampler sampler;
    /** The files read (the sweep file, its architecture and network files) and what each is, for messages. */
    final Map<Path, String> inputs;
    private final SpecSource source;
    private final SpecSource architectureSource;
    private final List<SpecSource> networkSources;
    private final List<Path> networkFiles;
    /** Warnings about the base architecture (printed once; the variants' are not repeated per point). */
    final List<Diagnostic> warnings;

    private SweepSetup(SweepPlan plan, Architecture base, List<Diagnostic> warnings, ArchitectureVariants variants,
                       WorkloadVariants workloads, List<NetworkGraph> networks, Mapper mapper, Map<Path, String> inputs,
                       SpecSource source, SpecSource architectureSource, List<SpecSource> networkSources,
                       List<Path> networkFiles) {
        this.inputs = Map.copyOf(inputs);
        this.source = source;
        this.architectureSource = architectureSource;
        this.networkSources = List.copyOf(networkSources);
        this.networkFiles = java.util.Collections.unmodifiableList(new ArrayList<>(networkFiles));
        this.plan = plan;
        this.warnings = List.copyOf(warnings);
        this.base = base;
        this.variants = variants;
        this.workloads = workloads;
        this.networks = networks;
        this.mapper = mapper;
        this.sampler = plan.sampler();
    }

    /** Where a sweep named on the command line is: a file, or a bundled sweep's id. */
    static SpecSource source(String nameOrFile) {
        if (nameOrFile.isBlank()) {
            throw new UserInputException("the sweep is empty ('" + nameOrFile + "'); give a sweep file or a bundled sweep id");
        }
        Path path = Path.of(nameOrFile);
        if (Files.isRegularFile(path)) {
            return SpecSource.of(path);
        }
        if (Files.isDirectory(path)) {
            throw new UserInputException("'" + nameOrFile + "' is a directory; give a sweep file or a bundled sweep id");
        }
        if (Files.exists(path) || Files.isSymbolicLink(path)) {
            return SpecSource.of(path);  // a device, pipe or broken link: the reader refuses it with the reason
        }
        Catalog catalog = Catalog.bundled();
        return catalog.sweep(nameOrFile).map(catalog::source).orElseThrow(() -> new UserInputException(
                "no file '" + nameOrFile + "' and no bundled sweep of that name"
                        + catalog.didYouMean(nameOrFile, CatalogEntry.Kind.SWEEP)
                        + "; 'memdse catalog' lists the bundled ones"));
    }

    public static SweepSetup prepare(String nameOrFile) {
        SpecSource source = source(nameOrFile);
        SweepPlan plan = SweepReader.read(source);
        Map<Path, String> inputs = new LinkedHashMap<>();
        if (source instanceof SpecSource.FileSource f) {
            inputs.put(f.file(), "the sweep file");
        }
        List<SpecException> problems = new ArrayList<>();
        Architecture base = null;
        SpecSource arch = null;
        List<Diagnostic> warnings = List.of();
        try {
            arch = resolve(source, plan.architecture(), CatalogEntry.Kind.ARCHITECTURE);
            if (arch instanceof SpecSource.FileSource f) {
                inputs.putIfAbsent(f.file(), "the sweep's architecture");
            }
            Validated<Architecture> read = ArchitectureReader.readValidated(arch);
            base = read.value();
            warnings = read.warnings();
        } catch (SpecException e) {
            problems.add(e);
        }
        List<NetworkGraph> networks = new ArrayList<>();
        List<SpecSource> networkSources = new ArrayList<>();
        List<Path> networkFiles = new ArrayList<>();
        for (Reference r : plan.networks()) {
            Optional<Path> networkFile = file(source, r);
            networkFile.ifPresent(f -> inputs.putIfAbsent(f, "the sweep's network " + r.text()));
            networkFiles.add(networkFile.orElse(null));
            networkSources.add(networkFile.map(SpecSource::of).orElseGet(() -> Catalog.bundled().network(r.text())
                    .map(Catalog.bundled()::source).orElse(null)));
            try {
                networks.add(loadNetwork(source, r));
            } catch (SpecException e) {
                problems.add(e);
            }
        }
        Mapper mapper = null;
        Optional<Mapper> m = Mappers.byName(plan.mapper().text());
        if (m.isPresent()) {
            mapper = m.get();
        } else {
            problems.add(SpecException.of(plan.mapper().at(), "mapper", "unknown mapper '" + plan.mapper().text() + "'"
                    + Suggestions.didYouMean(plan.mapper().text(), Mappers.names()) + "; mappers: "
                    + String.join(", ", Mappers.names())));
        }
        if (base != null) {
            EvaluateCommand.nothingToLearn(base, plan.mode()).ifPresent(why -> problems.add(SpecException.of(
                    plan.modeAt(), "mode", "mode " + plan.mode().key() + ": " + why + ", or mode: inference")));
        }
        ArchitectureVariants variants = null;
        if (base != null) {
            try {
                variants = ArchitectureVariants.of(base, plan.parameters(), plan.variants());
            } catch (SpecException e) {
                problems.add(e);
            }
        }
        WorkloadVariants workloads = WorkloadVariants.none();
        if (networks.size() == plan.networks().size()) {
            try {
                workloads = WorkloadVariants.of(networks, plan.parameters(), plan.variants());
            } catch (SpecException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems.stream().flatMap(e -> e.diagnostics().stream()).sorted().toList());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            if (names.contains(networks.get(i).name())) {
                throw SpecException.of(plan.networks().get(i).at(), "networks", "two networks are named '"
                        + networks.get(i).name() + "'; the CSV tells networks apart by name");
            }
            names.add(networks.get(i).name());
        }
        return new SweepSetup(plan, base, warnings, variants, workloads, List.copyOf(networks), mapper, inputs, source,
                arch, networkSources, networkFiles);
    }

    /** The documents the sweep is made of, read again (for its fingerprint, or to ship them to a cluster). */
    public SweepDocuments documents() {
        return SweepDocuments.of(source, architectureSource, networkSources, networkFiles);
    }

    /** A fresh point evaluator (fresh caches: benchmarks start cold). */
    public PointEvaluator evaluator() {
        return evaluator(mappingCache());
    }

    /** A fresh cache of this sweep's mapper, for {@link #evaluator(Mapper)}: its counts go on the progress line. */
    SweepCaches.MappingCache mappingCache() {
        return SweepCaches.mapping(mapper);
    }

    /**
     * A point evaluator that maps with {@code mapping}: a {@link #mappingCache()}, or the bare
     * {@link #mapper} to solve every point (what reuse saves, for {@code bench sweep}).
     */
    PointEvaluator evaluator(Mapper mapping) {
        return new PipelinePointEvaluator(variants, workloads, networks, mapping, mapperOptions(),
                SweepCaches.pricing(ComponentModelRegistry.load(), plan.mode()), plan.convention(), plan.constraints());
    }

    /** The mapper's options from the sweep file: seed, time limit, step limit, replication. */
    MapperOptions mapperOptions() {
        MapperOptions options = MapperOptions.DEFAULT.withSeed(plan.seed())
                .withReplication(plan.replicate() ? MapperOptions.Replication.BALANCE : MapperOptions.Replication.NONE);
        if (plan.timeLimit().isPresent()) {
            options = options.withTimeLimit(plan.timeLimit().get());
        }
        return plan.stepLimit().isPresent() ? options.withStepLimit(plan.stepLimit().getAsLong()) : options;
    }

    /** The sweep as read. */
    public SweepPlan plan() {
        return plan;
    }

    /** Which points the sweep visits (every one: not a shard). */
    public Sampler sampler() {
        return sampler;
    }

    /** The files read and what each is, for messages (an output must not be one of them). */
    public Map<Path, String> inputs() {
        return inputs;
    }

    /** The network names, in sweep order. */
    public List<String> networkNames() {
        return networks.stream().map(NetworkGraph::name).toList();
    }

    /** A file relative to the sweep file (when the sweep is a file), else a bundled id. */
    private static SpecSource resolve(SpecSource sweep, Reference r, CatalogEntry.Kind kind) {
        Optional<Path> file = file(sweep, r);
        if (file.isPresent()) {
            return SpecSource.of(file.get());
        }
        Catalog catalog = Catalog.bundled();
        Optional<CatalogEntry> entry = kind == CatalogEntry.Kind.ARCHITECTURE ? catalog.architecture(r.text())
                : catalog.network(r.text());
        return entry.map(catalog::source).orElseThrow(() -> notFound(sweep, r, kind));
    }

    private static NetworkGraph loadNetwork(SpecSource sweep, Reference r) {
        Optional<Path> file = file(sweep, r);
        if (file.isPresent()) {
            return NetworkLoader.load(file.get().toString());
        }
        if (Catalog.bundled().network(r.text()).isEmpty()) {
            throw notFound(sweep, r, CatalogEntry.Kind.NETWORK);
        }
        return NetworkLoader.load(r.text());
    }

    private static Optional<Path> file(SpecSource sweep, Reference r) {
        if (sweep instanceof SpecSource.FileSource f) {
            Path dir = f.file().toAbsolutePath().getParent();
            Path p;
            try {
                p = dir == null ? Path.of(r.text()) : dir.resolve(r.text()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty();  // not a file name: looked up as a bundled id, then reported
            }
            // Not only regular files: a device or pipe named here is refused by the reader with the reason.
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static SpecException notFound(SpecSource sweep, Reference r, CatalogEntry.Kind kind) {
        String what = kind == CatalogEntry.Kind.ARCHITECTURE ? "architecture" : "network";
        String looked = sweep instanceof SpecSource.FileSource ? "no file '" + r.text() + "' next to the sweep file and " : "";
        return SpecException.of(r.at(), kind == CatalogEntry.Kind.ARCHITECTURE ? "architecture" : "networks",
                looked + "no bundled " + what + " '" + r.text() + "'" + Catalog.bundled().didYouMean(r.text(), kind)
                        + "; 'memdse catalog' lists the bundled ones");
    }
}
