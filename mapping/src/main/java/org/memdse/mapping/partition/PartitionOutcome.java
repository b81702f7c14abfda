package org.memdse.mapping.partition;

import java.util.Objects;
import org.memdse.core.mapping.MappingOutcome;

/** A partition, or why the network cannot fit the system whatever the placement. */
public sealed interface PartitionOutcome permits PartitionOutcome.Partitioned, PartitionOutcome.Rejected {

    record Partitioned(Partition partition) implements PartitionOutcome {
        public Partitioned {
            Objects.requireNonNull(partition, "partition");
        }
    }

    record Rejected(MappingOutcome.DoesNotFit doesNotFit) implements PartitionOutcome {
        public Rejected {
            Objects.requireNonNull(doesNotFit, "doesNotFit");
        }
    }
}
