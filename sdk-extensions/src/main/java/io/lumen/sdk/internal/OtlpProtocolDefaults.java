package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Chooses the OTLP protocol for each signal when the user did not.
 *
 * <p>Lumen exports with gRPC to {@code http://localhost:4317} by default. Users of the
 * OpenTelemetry Operator never set a protocol, but the Operator points {@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} at the collector's OTLP/HTTP port 4318; sending gRPC there fails.
 * So, for each signal with no protocol key set (neither {@code otel.exporter.otlp.protocol} nor
 * {@code otel.exporter.otlp.<signal>.protocol}), an endpoint on port 4318 selects {@code
 * http/protobuf}, and anything else (4317, another port, no endpoint) selects {@code grpc}. An
 * explicit protocol always wins, even against the port.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class OtlpProtocolDefaults {

  private static final Logger logger = Logger.getLogger(OtlpProtocolDefaults.class.getName());

  public static final String GRPC = "grpc";
  public static final String HTTP_PROTOBUF = "http/protobuf";

  /** The OTLP/HTTP port by convention, which the OpenTelemetry Operator sets. */
  static final int OTLP_HTTP_PORT = 4318;

  static final List<String> SIGNALS =
      Collections.unmodifiableList(Arrays.asList("traces", "metrics", "logs"));

  private static final String PREFIX = "otel.exporter.otlp.";

  private OtlpProtocolDefaults() {}

  /**
   * Returns the protocol keys to add to {@code config}: none when the user chose the protocol for
   * every signal, else the general key and one key per undecided signal. Logs once, at INFO, when
   * port 4318 switched any signal to {@code http/protobuf}, because that is a choice the user did
   * not write down and should be able to find.
   */
  public static Map<String, String> resolve(ConfigProperties config) {
    if (config.getString(PREFIX + "protocol") != null) {
      // An explicit general protocol applies to every signal without its own: nothing to decide.
      return Collections.emptyMap();
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    String generalEndpoint = config.getString(PREFIX + "endpoint");
    defaults.put(PREFIX + "protocol", protocolFor(generalEndpoint));

    List<String> switchedToHttp = new ArrayList<>();
    List<String> endpoints = new ArrayList<>();
    for (String signal : SIGNALS) {
      if (config.getString(PREFIX + signal + ".protocol") != null) {
        continue;
      }
      String endpoint = config.getString(PREFIX + signal + ".endpoint");
      if (endpoint == null) {
        endpoint = generalEndpoint;
      }
      String protocol = protocolFor(endpoint);
      defaults.put(PREFIX + signal + ".protocol", protocol);
      if (HTTP_PROTOBUF.equals(protocol)) {
        switchedToHttp.add(signal);
        if (!endpoints.contains(endpoint)) {
          endpoints.add(endpoint);
        }
      }
    }
    if (!switchedToHttp.isEmpty()) {
      logger.info(
          "OTLP endpoint "
              + String.join(", ", endpoints)
              + " uses port 4318 (OTLP/HTTP) and no protocol is set: exporting "
              + String.join(", ", switchedToHttp)
              + " with http/protobuf instead of Lumen's default grpc."
              + " Set otel.exporter.otlp.protocol (OTEL_EXPORTER_OTLP_PROTOCOL) to choose.");
    }
    return defaults;
  }

  /** {@code http/protobuf} for an endpoint on port 4318, else {@code grpc}. */
  public static String protocolFor(@Nullable String endpoint) {
    if (endpoint == null) {
      return GRPC;
    }
    try {
      return new URI(endpoint.trim()).getPort() == OTLP_HTTP_PORT ? HTTP_PROTOBUF : GRPC;
    } catch (URISyntaxException e) {
      // Not ours to report: the exporter rejects the endpoint with a precise message.
      return GRPC;
    }
  }
}
