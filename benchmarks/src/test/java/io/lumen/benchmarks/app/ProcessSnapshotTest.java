package io.lumen.benchmarks.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessSnapshotTest {

  @Test
  void cpuTicksAreUserPlusSystemTimeCountedAfterTheCommandName() {
    // A command name with a space and a parenthesis, as a thread or process may have.
    String stat =
        "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 12345 0 7 0 1500 250 0 0 20 0 31 0 "
            + "123456 4000000000 50000 18446744073709551615 1 1 0 0 0 0 0 4096 17101 0 0 0 17 1";

    assertThat(ProcessSnapshot.cpuTicks(stat)).isEqualTo(1750);
  }

  @Test
  void readsKilobytesAndCountsFromStatus() {
    String status =
        "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  312456 kB\nVmRSS:\t  300000 kB\nThreads:\t41\n";

    assertThat(ProcessSnapshot.statusValue(status, "VmHWM")).isEqualTo(312_456);
    assertThat(ProcessSnapshot.statusValue(status, "VmRSS")).isEqualTo(300_000);
    assertThat(ProcessSnapshot.statusValue(status, "Threads")).isEqualTo(41);
  }

  @Test
  void cpuTimeBetweenSnapshotsIsInMicroseconds() {
    ProcessSnapshot before = new ProcessSnapshot(100, 0, 0, 1);
    ProcessSnapshot after = new ProcessSnapshot(350, 0, 0, 1);

    assertThat(ProcessSnapshot.cpuMicrosBetween(before, after)).isEqualTo(2_500_000);
  }

  @Test
  void readsThisProcess() {
    assumeThat(Files.isDirectory(Path.of("/proc/self"))).as("Linux /proc").isTrue();

    ProcessSnapshot snapshot = ProcessSnapshot.read(ProcessHandle.current().pid());

    assertThat(snapshot.threads()).isGreaterThan(1);
    assertThat(snapshot.peakRssKilobytes()).isGreaterThanOrEqualTo(snapshot.rssKilobytes());
    assertThat(snapshot.rssKilobytes()).isPositive();
  }
}
