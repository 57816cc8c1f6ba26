package io.lumen.sdk;

/**
 * Entry point of the Lumen SDK: an OpenTelemetry SDK configured from {@code OTEL_*} environment
 * variables and {@code otel.*} system properties, exactly like {@code
 * opentelemetry-sdk-extension-autoconfigure}, with Lumen's defaults where the user set nothing.
 *
 * <p>An application that only wants telemetry calls {@link #initialize()} once, early in {@code
 * main}:
 *
 * <pre>{@code
 * LumenOpenTelemetry.initialize();
 * Tracer tracer = GlobalOpenTelemetry.getTracer("checkout");
 * }</pre>
 *
 * <p>Code that needs control (the Lumen java agent, tests, frameworks) uses the {@linkplain
 * #builder() builder}:
 *
 * <pre>{@code
 * LumenOpenTelemetrySdk sdk =
 *     LumenOpenTelemetry.builder()
 *         .setResultAsGlobal(true)
 *         .setShutdownHookEnabled(true)
 *         .addPropertiesSupplier(() -> Collections.singletonMap("otel.service.name", "checkout"))
 *         .setServiceClassLoader(extensionClassLoader)
 *         .build();
 * ConfigProperties config = sdk.getConfig(); // what autoconfigure resolved, defaults included
 * }</pre>
 *
 * <p>Lumen's defaults, each applied only when the user did not set the key:
 *
 * <ul>
 *   <li>OTLP export over {@code grpc} to {@code http://localhost:4317}; but for a signal whose
 *       endpoint names port 4318 (as the OpenTelemetry Operator sets it) {@code http/protobuf}.
 *   <li>{@code service.name} from the main jar ({@code java -jar shop.jar} gives {@code shop}) or
 *       else the main class's simple name, never {@code unknown_service:java}.
 *   <li>{@code telemetry.distro.name=lumen} and {@code telemetry.distro.version} on the resource;
 *       no {@code process.command_line} unless enabled (command lines carry secrets).
 *   <li>The SDK's health metrics ({@code otel.sdk.*}: spans and logs exported, dropped, failed,
 *       queue sizes) through the configured metrics exporter.
 * </ul>
 *
 * <p>And what Lumen adds: samplers {@code rate_limiting}, {@code rule_based} and {@code
 * consistent_probability}; every common propagator ({@code b3}, {@code jaeger}, {@code xray},
 * ...), none of which can fail a request on a malformed header; Kubernetes and container resource
 * attributes; and masking of secrets (passwords, tokens, authorization headers, URL credentials
 * and signatures) in span and log attributes before export. Every key and default is listed in
 * the module's README.
 *
 * <p>A bad configuration value never stops the application: the key falls back to its default
 * with one warning naming key, value and default, and the rest of the configuration applies.
 *
 * <p>{@code OTEL_SDK_DISABLED=true} still gives a working, inert {@link
 * io.opentelemetry.api.OpenTelemetry}: propagation works, nothing is exported, no exporter thread
 * or connection is started.
 */
public final class LumenOpenTelemetry {

  private static final Object lock = new Object();
  private static volatile LumenOpenTelemetrySdk initialized;

  private LumenOpenTelemetry() {}

  /** Returns a builder of a Lumen-configured OpenTelemetry SDK. */
  public static LumenOpenTelemetryBuilder builder() {
    return new LumenOpenTelemetryBuilder();
  }

  /**
   * Configures the SDK from the environment, registers it as {@link
   * io.opentelemetry.api.GlobalOpenTelemetry} and shuts it down (flushing telemetry) when the JVM
   * exits. Calling it again returns the same instance, so libraries and the application may each
   * call it without coordinating.
   *
   * @throws IllegalStateException if something other than this method already set {@link
   *     io.opentelemetry.api.GlobalOpenTelemetry}
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException if the SDK rejects the
   *     configuration in a way that names no key (a bad value of a key only ever costs that key;
   *     see {@link LumenOpenTelemetryBuilder#build()})
   */
  public static LumenOpenTelemetrySdk initialize() {
    LumenOpenTelemetrySdk sdk = initialized;
    if (sdk != null) {
      return sdk;
    }
    synchronized (lock) {
      if (initialized == null) {
        initialized = builder().setResultAsGlobal(true).setShutdownHookEnabled(true).build();
      }
      return initialized;
    }
  }
}
