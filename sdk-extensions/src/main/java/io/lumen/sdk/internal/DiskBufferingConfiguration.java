package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.io.File;
import java.time.Duration;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Reads the {@code otel.lumen.disk-buffering.*} keys: whether telemetry that cannot be exported
 * goes to disk until the collector is back, where, and how much of it at most (bytes, and age).
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class DiskBufferingConfiguration {

  public static final String ENABLED = "otel.lumen.disk-buffering.enabled";
  public static final String DIRECTORY = "otel.lumen.disk-buffering.directory";
  public static final String MAX_SIZE = "otel.lumen.disk-buffering.max-size";
  public static final String MAX_AGE = "otel.lumen.disk-buffering.max-age";

  public static final long DEFAULT_MAX_SIZE = 60L * 1024 * 1024;
  public static final String DEFAULT_MAX_SIZE_TEXT = "60MB";
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(6);

  /** Each signal gets a third; one file must fit, and a folder is an int number of bytes. */
  static final long MIN_SIZE = 3L * 1024 * 1024;
  static final long MAX_SIZE_BYTES = 3L * Integer.MAX_VALUE;

  private final File directory;
  private final long maxSizeBytes;
  private final Duration maxAge;

  private DiskBufferingConfiguration(File directory, long maxSizeBytes, Duration maxAge) {
    this.directory = directory;
    this.maxSizeBytes = maxSizeBytes;
    this.maxAge = maxAge;
  }

  /** The configuration, or null when disk buffering is off (the default). */
  @Nullable
  public static DiskBufferingConfiguration fromConfig(
      ConfigProperties config, String serviceName) {
    if (!config.getBoolean(ENABLED, false)) {
      return null;
    }
    String directory = config.getString(DIRECTORY);
    File dir =
        directory == null || directory.trim().isEmpty()
            ? new File(
                new File(System.getProperty("java.io.tmpdir"), "lumen-disk-buffer"),
                safeFileName(serviceName))
            : new File(directory.trim());
    Long size = parseSize(config.getString(MAX_SIZE));
    long maxSize = size == null ? DEFAULT_MAX_SIZE : size;
    Duration maxAge = config.getDuration(MAX_AGE, DEFAULT_MAX_AGE);
    return new DiskBufferingConfiguration(dir, maxSize, maxAge);
  }

  public File directory() {
    return directory;
  }

  /** The most bytes kept on disk, all signals together. */
  public long maxSizeBytes() {
    return maxSizeBytes;
  }

  /** Telemetry older than this is deleted unsent: a week-old span helps nobody. */
  public Duration maxAge() {
    return maxAge;
  }

  /**
   * Bytes, optionally with a unit: {@code 52428800}, {@code 50MB}, {@code 512KB}, {@code 1GB}
   * (binary multiples, any case); null if not a size or out of range.
   */
  @Nullable
  public static Long parseSize(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String text = value.trim().toUpperCase(Locale.ROOT);
    long multiplier = 1;
    String[][] units = {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}};
    for (String[] unit : units) {
      if (text.endsWith(unit[0])) {
        multiplier = Long.parseLong(unit[1]);
        text = text.substring(0, text.length() - unit[0].length()).trim();
        break;
      }
    }
    try {
      long number = Long.parseLong(text);
      if (number <= 0 || number > MAX_SIZE_BYTES / multiplier) {
        return null;
      }
      long bytes = number * multiplier;
      return bytes < MIN_SIZE ? null : bytes;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String safeFileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "service" + safe : safe;
  }

  @Override
  public String toString() {
    return "DiskBufferingConfiguration{directory="
        + directory
        + ", maxSizeBytes="
        + maxSizeBytes
        + ", maxAge="
        + maxAge
        + '}';
  }
}
