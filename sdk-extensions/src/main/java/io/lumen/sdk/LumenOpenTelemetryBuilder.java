package io.lumen.sdk;

import static java.util.Objects.requireNonNull;

import io.lumen.sdk.internal.ExporterCustomizers;
import io.lumen.sdk.internal.InFlightSpans;
import io.lumen.sdk.internal.LumenDefaults;
import io.lumen.sdk.internal.ProcessCommandLineFilter;
import io.lumen.sdk.internal.RedactionConfiguration;
import io.lumen.sdk.internal.ShutdownConfiguration;
import io.lumen.sdk.internal.TolerantPropagator;
import io.lumen.sdk.internal.config.ConfigurationRepair;
import io.lumen.sdk.internal.config.DeclarativeConfigSupport;
import io.lumen.sdk.internal.config.OverlayConfigProperties;
import io.lumen.sdk.redaction.RedactingLogRecordProcessor;
import io.lumen.sdk.redaction.RedactingSpanProcessor;
import io.lumen.sdk.redaction.Redaction;
import io.lumen.sdk.trace.samplers.internal.XrayHttpAttributesSampler;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.internal.AutoConfigureUtil;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** The first build, and one more per key the SDK rejected that no check foresaw. */
  private static final int MAX_BUILD_ATTEMPTS = 6;

  private static final Pattern CONFIG_KEY = Pattern.compile("otel\\.[A-Za-z0-9_.-]+");

  private final List<Supplier<Map<String, String>>> propertiesSuppliers = new ArrayList<>();
  private final List<Function<ConfigProperties, Map<String, String>>> propertiesCustomizers =
      new ArrayList<>();
  private final List<Consumer<? super AutoConfigurationCustomizer>> customizers =
      new ArrayList<>();
  private boolean resultAsGlobal;
  private boolean shutdownHookEnabled = true;
  private ClassLoader serviceClassLoader = LumenOpenTelemetryBuilder.class.getClassLoader();
  private String rejectionReason = "";

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
   * <p>A bad value of a configuration key does not stop it: the key falls back to its default with
   * one WARNING naming the key, the value and the default (see the module's README), and the rest
   * of the configuration still applies. Should the SDK still reject a key no check foresaw, that
   * key is dropped the same way and the SDK built again.
   *
   * @throws IllegalStateException if {@linkplain #setResultAsGlobal global} was asked for and
   *     {@link io.opentelemetry.api.GlobalOpenTelemetry} is already set
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException if the configuration is
   *     invalid in a way that names no key
   */
  public LumenOpenTelemetrySdk build() {
    Set<String> rejectedKeys = new LinkedHashSet<>();
    for (int attempt = 1; ; attempt++) {
      try {
        return build(rejectedKeys);
      } catch (ConfigurationException e) {
        Set<String> named = keysNamedIn(e);
        named.removeAll(rejectedKeys);
        if (named.isEmpty() || attempt >= MAX_BUILD_ATTEMPTS) {
          throw e;
        }
        logger.log(Level.FINE, "The SDK rejected the configuration; retrying without " + named, e);
        rejectedKeys.addAll(named);
        rejectionReason = e.getMessage();
      }
    }
  }

  private LumenOpenTelemetrySdk build(Set<String> rejectedKeys) {
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
    InFlightSpans inFlightSpans = new InFlightSpans();
    autoConfigure.addTracerProviderCustomizer(
        (tracerProvider, config) -> tracerProvider.addSpanProcessor(inFlightSpans));
    autoConfigure.addLoggerProviderCustomizer(
        (loggerProvider, config) -> {
          Redaction redaction = RedactionConfiguration.fromConfig(config);
          return redaction == null
              ? loggerProvider
              : loggerProvider.addLogRecordProcessorFirst(
                  RedactingLogRecordProcessor.create(redaction));
        });
    // X-Ray sampling rules match URL path, method and host under their pre-stable names.
    autoConfigure.addSamplerCustomizer(XrayHttpAttributesSampler::customize);
    // Headers come from the network: a propagator that throws must not fail the request.
    autoConfigure.addPropagatorCustomizer(
        (propagator, unused) -> TolerantPropagator.wrap(propagator));
    ExporterCustomizers.registerLast(autoConfigure, serviceClassLoader);
    for (Supplier<Map<String, String>> supplier : propertiesSuppliers) {
      autoConfigure.addPropertiesSupplier(supplier);
    }
    for (Function<ConfigProperties, Map<String, String>> customizer : propertiesCustomizers) {
      autoConfigure.addPropertiesCustomizer(customizer);
    }
    for (Consumer<? super AutoConfigurationCustomizer> customizer : customizers) {
      customizer.accept(autoConfigure);
    }
    // Bad values are repaired, then the defaults go in, after every properties customizer
    // including those of SPI providers, so that they only ever fill keys nobody set. The same
    // hook captures the final ConfigProperties, which autoconfigure then uses unchanged.
    AtomicReference<ConfigProperties> resolvedConfig = new AtomicReference<>();
    AtomicReference<Resource> resolvedResource = new AtomicReference<>(Resource.getDefault());
    // Sees the resource after the customizers added so far; SPI customizers run later, so
    // finalResource() prefers autoconfigure's own record of it.
    autoConfigure.addResourceCustomizer(
        (resource, unused) -> {
          resolvedResource.set(resource);
          return resource;
        });
    Function<ConfigProperties, ConfigProperties> finishConfig =
        config -> {
          ConfigProperties repaired = ConfigurationRepair.repair(config);
          if (!rejectedKeys.isEmpty()) {
            repaired = ConfigurationRepair.remove(repaired, rejectedKeys, rejectionReason);
          }
          ConfigProperties withDefaults = withLumenDefaults(repaired);
          resolvedConfig.set(withDefaults);
          return withDefaults;
        };
    // Autoconfigure reads otel.config.file before any hook runs and fails without the
    // declarative-config module; handing it the whole configuration skips that read. Properties
    // customizers of SPI providers are not applied on this path.
    if (!declarativeConfigFileIgnored()
        || !setConfig(autoConfigure, finishConfig.apply(computeConfig()))) {
      AutoConfigureUtil.setConfigPropertiesCustomizer(autoConfigure, finishConfig);
    }
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
        sdk.getOpenTelemetrySdk(),
        config,
        resource,
        shutdownHookEnabled,
        ShutdownConfiguration.timeout(config),
        inFlightSpans);
  }

  /**
   * Whether {@code otel.config.file} is set (autoconfigure reads it from system properties and
   * the environment only) but cannot be honoured.
   */
  private boolean declarativeConfigFileIgnored() {
    if (DeclarativeConfigSupport.isAvailable()) {
      return false;
    }
    String file =
        DefaultConfigProperties.create(
                Collections.<String, String>emptyMap(),
                ComponentLoader.forClassLoader(serviceClassLoader))
            .getString("otel.config.file");
    return file != null && !file.isEmpty();
  }

  /** Autoconfigure's package-private setConfig; false if it cannot be called. */
  private static boolean setConfig(
      AutoConfiguredOpenTelemetrySdkBuilder autoConfigure, ConfigProperties config) {
    try {
      Method setConfig =
          AutoConfiguredOpenTelemetrySdkBuilder.class.getDeclaredMethod(
              "setConfig", ConfigProperties.class);
      setConfig.setAccessible(true);
      setConfig.invoke(autoConfigure, config);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      logger.log(Level.FINE, "Cannot hand autoconfigure its configuration", e);
      return false;
    }
  }

  /** What autoconfigure would compute from the suppliers and properties customizers. */
  private ConfigProperties computeConfig() {
    Map<String, String> supplied = new HashMap<>();
    for (Supplier<Map<String, String>> supplier : propertiesSuppliers) {
      supplied.putAll(supplier.get());
    }
    DefaultConfigProperties config =
        DefaultConfigProperties.create(supplied, ComponentLoader.forClassLoader(serviceClassLoader));
    for (Function<ConfigProperties, Map<String, String>> customizer : propertiesCustomizers) {
      config = config.withOverrides(customizer.apply(config));
    }
    return config;
  }

  /** The {@code otel.*} keys an exception message names, e.g. "Invalid value for otel.x.y=z". */
  static Set<String> keysNamedIn(Throwable error) {
    Set<String> keys = new LinkedHashSet<>();
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      Matcher matcher = CONFIG_KEY.matcher(message);
      while (matcher.find()) {
        String key = matcher.group();
        while (key.endsWith(".")) {
          key = key.substring(0, key.length() - 1);
        }
        keys.add(key);
      }
    }
    return keys;
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
    if (config instanceof DefaultConfigProperties) {
      return ((DefaultConfigProperties) config).withOverrides(defaults);
    }
    return OverlayConfigProperties.of(config, defaults);
  }
}
