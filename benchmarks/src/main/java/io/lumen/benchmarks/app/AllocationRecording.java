package io.lumen.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts the bytes a running JVM allocates between {@link #start} and {@link #stop}, with a flight
 * recording of only {@code jdk.ThreadAllocationStatistics} (each thread's allocated-bytes
 * counter, the one {@code ThreadMXBean.getThreadAllocatedBytes} reads), taken at the recording's
 * beginning and end. Nothing in the application is changed or called for it.
 *
 * <p>The first recording in a JVM starts Flight Recorder itself, which loads classes and allocates;
 * {@link #warmUp} does that before anything is measured.
 */
final class AllocationRecording {

  private static final String SETTINGS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <configuration version="2.0" label="lumen-benchmark-allocation">
        <event name="jdk.ThreadAllocationStatistics">
          <setting name="enabled">true</setting>
          <setting name="period">everyChunk</setting>
        </event>
      </configuration>
      """;

  private final Jcmd jcmd;
  private final long pid;
  private final Path file;
  private final String name;

  private AllocationRecording(Jcmd jcmd, long pid, Path file, String name) {
    this.jcmd = jcmd;
    this.pid = pid;
    this.file = file;
    this.name = name;
  }

  /** Starts and stops one recording, so that Flight Recorder's start-up is not measured later. */
  static void warmUp(Jcmd jcmd, long pid, Path directory) {
    start(jcmd, pid, directory, "warm-up").stop();
  }

  static AllocationRecording start(Jcmd jcmd, long pid, Path directory, String name) {
    try {
      Path settings = directory.resolve("allocation.jfc");
      if (!Files.exists(settings)) {
        Files.writeString(settings, SETTINGS);
      }
      Path file = directory.resolve(name + ".jfr");
      Files.deleteIfExists(file);
      String recording = "lumen-" + name;
      jcmd.run(
          pid,
          "JFR.start",
          "name=" + recording,
          "settings=" + settings.toAbsolutePath(),
          "filename=" + file.toAbsolutePath());
      return new AllocationRecording(jcmd, pid, file, recording);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the recording and returns the bytes allocated while it ran, by all threads. */
  long stop() {
    jcmd.run(pid, "JFR.stop", "name=" + name);
    List<ThreadAllocationSample> samples = new ArrayList<>();
    try {
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (!event.getEventType().getName().equals("jdk.ThreadAllocationStatistics")) {
          continue;
        }
        RecordedThread thread = event.getThread("thread");
        if (thread == null) {
          continue;
        }
        samples.add(
            new ThreadAllocationSample(
                thread.getId(),
                event.getStartTime().getEpochSecond() * 1_000_000_000L
                    + event.getStartTime().getNano(),
                event.getLong("allocated")));
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recording " + file, e);
    }
    return ThreadAllocationSample.allocatedDuring(samples);
  }
}
