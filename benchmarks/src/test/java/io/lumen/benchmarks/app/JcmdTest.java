package io.lumen.benchmarks.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JcmdTest {

  @Test
  void readsTheUsedHeapOfG1() {
    String output =
        "4242:\n"
            + " garbage-first heap   total 65536K, used 23817K [0x00000000e0000000, 0x0000000100000000)\n"
            + "  region size 1024K, 2 young (2048K), 0 survivors (0K)\n"
            + " Metaspace       used 61234K, committed 61888K, reserved 1114112K\n";

    assertThat(Jcmd.heapUsedKilobytes(output)).isEqualTo(23_817);
  }

  @Test
  void saysWhatItGotWhenTheOutputHasNoHeap() {
    assertThatThrownBy(() -> Jcmd.heapUsedKilobytes("4242:\nCommand executed successfully\n"))
        .hasMessageContaining("Command executed successfully");
  }
}
