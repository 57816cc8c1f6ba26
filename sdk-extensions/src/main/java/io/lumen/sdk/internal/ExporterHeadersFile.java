package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * {@code otel.lumen.exporter.otlp.headers.file}: OTLP export headers read from a file, typically a
 * Kubernetes secret mounted into the pod, so that an API key never has to be written into an
 * environment variable or a command line (both of which end up in process listings and crash
 * reports).
 *
 * <p>The file holds what {@code OTEL_EXPORTER_OTLP_HEADERS} would: {@code name=value} entries
 * (values URL-encoded) separated by commas or line breaks; lines starting with {@code #} are
 * comments. It is read again whenever it changes, so a rotated secret is used from the next export
 * on. Its headers are added to those of {@code otel.exporter.otlp.headers} and win over them.
 *
 * <p>Header values are never logged; a file that cannot be read is reported once, by path.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ExporterHeadersFile implements Supplier<Map<String, String>> {

  private static final Logger logger = Logger.getLogger(ExporterHeadersFile.class.getName());

  public static final String KEY = "otel.lumen.exporter.otlp.headers.file";

  private final Path path;
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  private volatile long lastModified = Long.MIN_VALUE;
  private volatile long lastSize = -1;
  private volatile Map<String, String> headers = Collections.emptyMap();

  private ExporterHeadersFile(Path path) {
    this.path = path;
  }

  /** The file configured in {@code config}, or null if none is. */
  @Nullable
  public static ExporterHeadersFile fromConfig(ConfigProperties config) {
    String path = config.getString(KEY);
    return path == null || path.trim().isEmpty()
        ? null
        : new ExporterHeadersFile(Paths.get(path.trim()));
  }

  /** The headers as the file holds them now; the last good read if it cannot be read. */
  @Override
  public Map<String, String> get() {
    try {
      long modified = Files.getLastModifiedTime(path).toMillis();
      long size = Files.size(path);
      if (modified != lastModified || size != lastSize) {
        headers = parse(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        lastModified = modified;
        lastSize = size;
        failureLogged.set(false);
      }
    } catch (IOException | RuntimeException e) {
      if (failureLogged.compareAndSet(false, true)) {
        logger.log(
            Level.WARNING,
            "Cannot read OTLP export headers from "
                + path
                + " ("
                + KEY
                + "): "
                + e.getClass().getSimpleName()
                + ". Exporting with the headers read last.");
      }
    }
    return headers;
  }

  /** Entries that are not {@code name=value} or cannot be decoded are skipped, quietly. */
  static Map<String, String> parse(String content) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String line : content.split("\r?\n")) {
      String trimmedLine = line.trim();
      if (trimmedLine.isEmpty() || trimmedLine.startsWith("#")) {
        continue;
      }
      for (String entry : trimmedLine.split(",")) {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String name = entry.substring(0, equals).trim();
        String value = entry.substring(equals + 1).trim();
        if (name.isEmpty() || value.isEmpty()) {
          continue;
        }
        try {
          parsed.put(name, URLDecoder.decode(value, "UTF-8"));
        } catch (IllegalArgumentException | UnsupportedEncodingException e) {
          // A malformed escape: skipped; the value is secret and not worth a log line.
        }
      }
    }
    return Collections.unmodifiableMap(parsed);
  }

  @Override
  public String toString() {
    // Never the headers.
    return "ExporterHeadersFile{" + path + "}";
  }
}
