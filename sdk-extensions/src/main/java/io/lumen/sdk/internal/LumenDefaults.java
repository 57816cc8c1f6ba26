package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every configuration default Lumen applies on top of autoconfigure's, each only to a key the user
 * did not set.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class LumenDefaults {

  /**
   * The SDK's own health metrics: with {@code latest}, the SDK 1.65 reports spans and log records
   * started, queued, dropped ({@code error.type=queue_full}) and exported or failed, per processor
   * and exporter, under {@code otel.sdk.*} (the semantic conventions' SDK metrics). With the
   * SDK's default, {@code legacy}, it reports much less, under other names.
   */
  public static final String SDK_TELEMETRY_VERSION = "otel.experimental.sdk.telemetry.version";

  private LumenDefaults() {}

  /** The keys to add to {@code config}: empty when the user set them all. */
  public static Map<String, String> resolve(ConfigProperties config) {
    Map<String, String> defaults = new LinkedHashMap<>(OtlpProtocolDefaults.resolve(config));
    if (config.getString(SDK_TELEMETRY_VERSION) == null) {
      defaults.put(SDK_TELEMETRY_VERSION, "latest");
    }
    return defaults;
  }
}
