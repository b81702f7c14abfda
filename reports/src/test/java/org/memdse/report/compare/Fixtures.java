package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.List;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;
import org.memdse.mapping.topology.NetworkTopology;

/** Comparisons of bundled architectures, mapped (sequential mapper) and priced for real. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Architecture bundled(String id) {
        Catalog c = Catalog.bundled();
        return ArchitectureReader.read(c.source(c.architecture(id).orElseThrow()));
    }

    public static NetworkGraph network(String id) {
        Catalog c = Catalog.bundled();
        return NetworkReader.read(c.source(c.network(id).orElseThrow()));
    }

    /** fig4-hybrid with 2 columns per ADC instead of 8, named fig4-adc2. */
    public static Architecture fig4Adc2() {
        String yaml = ArchitectureWriter.toYaml(bundled("fig4-hybrid")).replace("columns_per_adc: 8", "columns_per_adc: 2")
                .replaceFirst("(?m)^name: .*$", "name: fig4-adc2");
        return ArchitectureReader.read(SpecSource.ofText("fig4-adc2.yaml", yaml));
    }

    public static Comparison compare(List<Architecture> archs, List<NetworkGraph> networks) {
        SystemEvaluator evaluator = new SystemEvaluator(ComponentModelRegistry.load());
        SequentialMapper mapper = new SequentialMapper();
        List<NetworkComparison> out = new ArrayList<>();
        for (NetworkGraph g : networks) {
            List<DesignOutcome> designs = new ArrayList<>();
            for (Architecture a : archs) {
                MappingOutcome o = mapper.map(a, g, MapperOptions.DEFAULT);
                if (o instanceof MappingOutcome.Mapped m) {
                    designs.add(new DesignOutcome.Evaluated(a.name(), evaluator.evaluate(a, g, m.mapping(),
                            OpConvention.INT8), m.mapping(), floorplan(a)));
                } else {
                    designs.add(new DesignOutcome.Failed(a.name(), ((MappingOutcome.DoesNotFit) o).reason()));
                }
            }
            out.add(new NetworkComparison(g, designs));
        }
        return new Comparison(archs, out, mapper.name(), OpConvention.INT8.toString());
    }

    static Floorplan floorplan(Architecture a) {
        NetworkTopology t = NetworkTopology.of(a);
        if (t.kind() == Topology.MESH || t.kind() == Topology.TORUS) {
            return Floorplan.grid(t.kind().key(), t.columns(), t.rows());
        }
        if (t.kind() == Topology.HTREE) {
            return Floorplan.leaves(t.kind().key(), t.routerCount(), (t.routerCount() + 1) / 2);
        }
        return Floorplan.single(t.kind().key());
    }
}
