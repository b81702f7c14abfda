package org.memdse.report.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.memdse.core.eval.AccuracyCurve;

class AccuracyTableReaderTest {
    private static AccuracyCurve read(String csv) throws IOException {
        return AccuracyTableReader.read(new StringReader(csv), "acc.csv");
    }

    @Test
    void aSweepCsvWithAnAccuracyColumnReadsAsItIsSkippingPointsThatAreNotOk() throws IOException {
        AccuracyCurve c = read("""
                point,network,status,reason,param.adc,energy_pj,snr_db,accuracy,pareto
                0,mlp,ok,,4,1.5e6,2.0,0.40,
                1,mlp,infeasible,"does not fit, 2 tiles short",5,,,,
                2,mlp,ok,,6,2.5e6,12.0,0.90,true
                3,mlp,ok,,8,4.0e6,Infinity,0.97,
                """);
        assertThat(c.points()).isEqualTo(3);
        assertThat(c.predict(7).accuracy()).isCloseTo(0.65, within(1e-12));
        assertThat(c.predict(Double.POSITIVE_INFINITY).accuracy()).isEqualTo(0.97);
    }

    @Test
    void mistakesNameTheFileTheLineAndTheFix() {
        assertThatThrownBy(() -> read("snr_db,acc\n1,0.5\n"))
                .hasMessageStartingWith("acc.csv:1: no 'accuracy' column (found snr_db, acc)");
        assertThatThrownBy(() -> read("snr_db,accuracy\n1,0.5\n3,97\n"))
                .hasMessage("acc.csv:3: accuracy: expected a fraction 0..1, found 97; write 97 % as 0.9700");
        assertThatThrownBy(() -> read("snr_db,accuracy\n1,0.5\nhigh,0.9\n"))
                .hasMessageStartingWith("acc.csv:3: snr_db: expected the SNR in dB");
        assertThatThrownBy(() -> read("snr_db,accuracy\n1,0.5\n2\n"))
                .hasMessageStartingWith("acc.csv:3: 1 values for 2 columns");
        assertThatThrownBy(() -> read("snr_db,accuracy\n1,0.5\n"))
                .hasMessageContaining("acc.csv: the accuracy table needs points at two SNRs at least, found 1");
        // the last line without a line break is still counted as its own line
        assertThatThrownBy(() -> read("snr_db,accuracy\n1,0.5\n4,x"))
                .hasMessageStartingWith("acc.csv:3: accuracy: expected a fraction 0..1, e.g. 0.97, found 'x'");
    }
}
