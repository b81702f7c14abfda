package org.memdse.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.memdse.core.mapping.Mapper;

/**
 * The mappers on the class path, by name: every {@link Mapper} listed in
 * {@code META-INF/services/org.memdse.core.mapping.Mapper} (sequential, random, and the
 * OptaPlanner solver, which this class does not depend on).
 */
public final class Mappers {
    /** The mapper the command line uses when none is named. */
    public static final String DEFAULT = "solver";

    private Mappers() {
    }

    /** All mappers, sorted by name. */
    public static List<Mapper> all() {
        List<Mapper> out = new ArrayList<>();
        ServiceLoader.load(Mapper.class, Mappers.class.getClassLoader()).forEach(out::add);
        out.sort(Comparator.comparing(Mapper::name));
        return List.copyOf(out);
    }

    public static Optional<Mapper> byName(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return all().stream().map(Mapper::name).toList();
    }
}
