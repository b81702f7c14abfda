package org.memdse.cost.conversion;

import java.util.Optional;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.TileArray;
import org.memdse.cost.spi.ModelQuery;

/** The macro a converter belongs to, found through the component's subsystem (empty for AD/DA). */
public final class MacroLookup {
    private MacroLookup() {
    }

    public static Optional<Macro> macroOf(ModelQuery query) {
        return query.architecture().subsystem(query.component().subsystem())
                .filter(TileArray.class::isInstance).map(TileArray.class::cast)
                .map(TileArray::template)
                .filter(CimTileTemplate.class::isInstance).map(CimTileTemplate.class::cast)
                .map(CimTileTemplate::macro);
    }
}
