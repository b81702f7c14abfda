package org.memdse.mapping;

import org.memdse.core.mapping.Mapper;

class RandomMapperTest extends MapperContractTest {
    @Override
    protected Mapper mapper() {
        return new RandomMapper();
    }
}
