package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.time.Duration;

/**
 * Reads {@code otel.lumen.shutdown.timeout}: how long flushing at JVM exit (and {@code close()})
 * may take at most. A collector that does not answer must not hold the application's exit hostage
 * for the exporters' full timeouts and retries; a collector that does must get the last request's
 * spans.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ShutdownConfiguration {

  public static final String TIMEOUT = "otel.lumen.shutdown.timeout";

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private ShutdownConfiguration() {}

  public static Duration timeout(ConfigProperties config) {
    Duration timeout = config.getDuration(TIMEOUT, DEFAULT_TIMEOUT);
    return timeout.isNegative() || timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
  }
}
