package io.lumen.sdk;

import static java.util.Objects.requireNonNull;

import io.lumen.sdk.internal.LumenDefaults;
import io.lumen.sdk.internal.ProcessCommandLineFilter;
import io.lumen.sdk.internal.RedactionConfiguration;
import io.lumen.sdk.internal.TolerantPropagator;
import io.lumen.sdk.redaction.RedactingLogRecordProcessor;
import io.lumen.sdk.redaction.RedactingSpanProcessor;
import io.lumen.sdk.redaction.Redaction;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.internal.AutoConfigureUtil;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds a {@link LumenOpenTelemetrySdk}. Obtain one from {@link LumenOpenTelemetry#builder()}.
 *
 * <p>Configuration comes, highest precedence first, from system properties ({@code otel.*}),
 * environment variables ({@code OTEL_*}), the {@linkplain #addPropertiesSupplier suppliers} of this
 * builder, and last Lumen's defaults, which fill only keys nobody set. The rest is {@code
 * opentelemetry-sdk-extension-autoconfigure}: every key it documents works, and its SPI ({@code
 * AutoConfigurationCustomizerProvider}, {@code ResourceProvider}, {@code
 * ConfigurableSamplerProvider}, ...) is loaded from the {@linkplain #setServiceClassLoader service
 * class loader}.
 */
public final class LumenOpenTelemetryBuilder {

  private static final Logger logger = Logger.getLogger(LumenOpenTelemetryBuilder.class.getName());

  private final List<Supplier<Map<String, String>>> propertiesSuppliers = new ArrayList<>();
  private final List<Function<ConfigProperties, Map<String, String>>> propertiesCustomizers =
      new ArrayList<>();
  private final List<Consumer<? super AutoConfigurationCustomizer>> customizers =
      new ArrayList<>();
  private boolean resultAsGlobal;
  private boolean shutdownHookEnabled = true;
  private ClassLoader serviceClassLoader = LumenOpenTelemetryBuilder.class.getClassLoader();

  LumenOpenTelemetryBuilder() {}

  /**
   * Whether to register the result as {@link io.opentelemetry.api.GlobalOpenTelemetry}. Off by
   * default, as in autoconfigure, so that tests and embedders do not fight over the global.
   */
  public LumenOpenTelemetryBuilder setResultAsGlobal(boolean resultAsGlobal) {
    this.resultAsGlobal = resultAsGlobal;
    return this;
  }

  /**
   * Whether to shut the SDK down (and so export what is buffered) when the JVM exits. On by
   * default; turn it off only if you call {@link LumenOpenTelemetrySdk#shutdown} yourself.
   */
  public LumenOpenTelemetryBuilder setShutdownHookEnabled(boolean shutdownHookEnabled) {
    this.shutdownHookEnabled = shutdownHookEnabled;
    return this;
  }

  /**
   * Adds configuration properties ({@code otel.*} keys) that the environment and system properties
   * override. Later suppliers override earlier ones. This is how the agent passes its
   * configuration file and how tests configure the SDK without touching the environment.
   */
  public LumenOpenTelemetryBuilder addPropertiesSupplier(
      Supplier<Map<String, String>> propertiesSupplier) {
    propertiesSuppliers.add(requireNonNull(propertiesSupplier, "propertiesSupplier"));
    return this;
  }

  /**
   * Adds a function that sees the configuration (system properties, environment, suppliers) and
   * returns properties that override it. Runs before Lumen's defaults are applied, so a protocol
   * set here counts as chosen by the user.
   */
  public LumenOpenTelemetryBuilder addPropertiesCustomizer(
      Function<ConfigProperties, Map<String, String>> propertiesCustomizer) {
    propertiesCustomizers.add(requireNonNull(propertiesCustomizer, "propertiesCustomizer"));
    return this;
  }

  /**
   * Adds code that customizes the autoconfigured components (tracer provider, exporters, span
   * processors, sampler, resource, ...) through autoconfigure's {@link AutoConfigurationCustomizer}.
   * Customizers run in the order added, before those loaded as SPI.
   */
  public LumenOpenTelemetryBuilder addCustomizer(
      Consumer<? super AutoConfigurationCustomizer> customizer) {
    customizers.add(requireNonNull(customizer, "customizer"));
    return this;
  }

  /**
   * Sets the class loader of SPI implementations (exporters, samplers, propagators, resource
   * providers, customizers). Defaults to the loader of the Lumen SDK; the agent passes the loader
   * that also sees its extensions.
   */
  public LumenOpenTelemetryBuilder setServiceClassLoader(ClassLoader serviceClassLoader) {
    this.serviceClassLoader = requireNonNull(serviceClassLoader, "serviceClassLoader");
    return this;
  }

  /**
   * Configures and starts the SDK.
   *
   * @throws IllegalStateException if {@linkplain #setResultAsGlobal global} was asked for and
   *     {@link io.opentelemetry.api.GlobalOpenTelemetry} is already set
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException if the configuration is
   *     invalid
   */
  public LumenOpenTelemetrySdk build() {
    AutoConfiguredOpenTelemetrySdkBuilder autoConfigure =
        AutoConfiguredOpenTelemetrySdk.builder()
            .setServiceClassLoader(serviceClassLoader)
            // Lumen registers its own hook, which tolerates an explicit shutdown before it.
            .disableShutdownHook();
    autoConfigure.addResourceCustomizer(ProcessCommandLineFilter::apply);
    // Secrets are masked before any exporter sees them; first, because the log batch processor
    // copies each record as it arrives.
    autoConfigure.addTracerProviderCustomizer(
        (tracerProvider, config) -> {
          Redaction redaction = RedactionConfiguration.fromConfig(config);
          return redaction == null
              ? tracerProvider
              : tracerProvider.addSpanProcessorFirst(RedactingSpanProcessor.create(redaction));
        });
    autoConfigure.addLoggerProviderCustomizer(
        (loggerProvider, config) -> {
          Redaction redaction = RedactionConfiguration.fromConfig(config);
          return redaction == null
              ? loggerProvider
              : loggerProvider.addLogRecordProcessorFirst(
                  RedactingLogRecordProcessor.create(redaction));
        });
    // Headers come from the network: a propagator that throws must not fail the request.
    autoConfigure.addPropagatorCustomizer(
        (propagator, unused) -> TolerantPropagator.wrap(propagator));
    for (Supplier<Map<String, String>> supplier : propertiesSuppliers) {
      autoConfigure.addPropertiesSupplier(supplier);
    }
    for (Function<ConfigProperties, Map<String, String>> customizer : propertiesCustomizers) {
      autoConfigure.addPropertiesCustomizer(customizer);
    }
    for (Consumer<? super AutoConfigurationCustomizer> customizer : customizers) {
      customizer.accept(autoConfigure);
    }
    // The defaults go in last, after every properties customizer including those of SPI
    // providers, so that they only ever fill keys nobody set. The same hook captures the final
    // ConfigProperties, which autoconfigure then uses unchanged.
    AtomicReference<ConfigProperties> resolvedConfig = new AtomicReference<>();
    AtomicReference<Resource> resolvedResource = new AtomicReference<>(Resource.getDefault());
    // Sees the resource after the customizers added so far; SPI customizers run later, so
    // finalResource() prefers autoconfigure's own record of it.
    autoConfigure.addResourceCustomizer(
        (resource, unused) -> {
          resolvedResource.set(resource);
          return resource;
        });
    AutoConfigureUtil.setConfigPropertiesCustomizer(
        autoConfigure,
        config -> {
          ConfigProperties withDefaults = withLumenDefaults(config);
          resolvedConfig.set(withDefaults);
          return withDefaults;
        });
    if (resultAsGlobal) {
      autoConfigure.setResultAsGlobal();
    }
    AutoConfiguredOpenTelemetrySdk sdk = autoConfigure.build();
    ConfigProperties config = resolvedConfig.get();
    if (config == null) {
      // Declarative configuration (otel.config.file) bypasses the properties customizer.
      config = AutoConfigureUtil.getConfig(sdk);
    }
    if (config == null) {
      config = DefaultConfigProperties.createFromMap(Collections.emptyMap());
    }
    Resource resource = finalResource(sdk, resolvedResource.get());
    return LumenOpenTelemetrySdk.create(
        sdk.getOpenTelemetrySdk(), config, resource, shutdownHookEnabled);
  }

  /**
   * The resource autoconfigure built, customizers included. Autoconfigure keeps it behind a
   * package-private getter; if that cannot be reached, the resource captured by our customizer
   * (which misses changes made by SPI customizers) is the best there is.
   */
  private static Resource finalResource(AutoConfiguredOpenTelemetrySdk sdk, Resource captured) {
    try {
      Method getResource = AutoConfiguredOpenTelemetrySdk.class.getDeclaredMethod("getResource");
      getResource.setAccessible(true);
      return (Resource) getResource.invoke(sdk);
    } catch (ReflectiveOperationException | RuntimeException e) {
      logger.log(Level.FINE, "Using the resource seen by Lumen's resource customizer", e);
      return captured;
    }
  }

  private static ConfigProperties withLumenDefaults(ConfigProperties config) {
    Map<String, String> defaults = LumenDefaults.resolve(config);
    if (defaults.isEmpty()) {
      return config;
    }
    if (!(config instanceof DefaultConfigProperties)) {
      // Autoconfigure always hands DefaultConfigProperties here; if that ever changes, run with
      // its own defaults rather than fail.
      logger.fine("Lumen defaults not applied: unexpected " + config.getClass().getName());
      return config;
    }
    return ((DefaultConfigProperties) config).withOverrides(defaults);
  }
}
