package org.memdse.mapping;

import org.memdse.core.mapping.Mapper;

class SequentialMapperTest extends MapperContractTest {
    @Override
    protected Mapper mapper() {
        return new SequentialMapper();
    }
}
