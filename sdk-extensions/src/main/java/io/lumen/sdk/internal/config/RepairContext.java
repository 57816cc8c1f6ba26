package io.lumen.sdk.internal.config;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ConfigurableMetricReaderProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.export.Compressor;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * What a {@link PropertyRule} may look at: the configuration with the repairs made so far (so that
 * an endpoint is checked against the protocol that will really be used), and the names that SPI
 * implementations on the service class loader answer to (exporters, samplers, propagators of
 * extensions count as known).
 */
final class RepairContext {

  private static final Logger logger = Logger.getLogger(RepairContext.class.getName());

  /** The kinds of named components a configuration value may refer to. */
  enum Component {
    SPAN_EXPORTER,
    METRIC_EXPORTER,
    LOG_RECORD_EXPORTER,
    SAMPLER,
    PROPAGATOR,
    COMPRESSOR
  }

  private ConfigProperties config;
  private final Map<Component, Set<String>> namesByComponent = new HashMap<>();

  RepairContext(ConfigProperties config) {
    this.config = config;
  }

  /** The configuration as repaired so far. */
  ConfigProperties config() {
    return config;
  }

  void update(ConfigProperties repaired) {
    this.config = repaired;
  }

  /**
   * The names SPI implementations of {@code component} answer to, or {@code null} if they cannot
   * be listed (then every name must be accepted: a rule must never reject what it cannot judge).
   */
  @Nullable
  Set<String> spiNames(Component component) {
    if (!namesByComponent.containsKey(component)) {
      namesByComponent.put(component, loadNames(component));
    }
    return namesByComponent.get(component);
  }

  @Nullable
  private Set<String> loadNames(Component component) {
    ComponentLoader loader = config.getComponentLoader();
    try {
      switch (component) {
        case SPAN_EXPORTER:
          return names(loader, ConfigurableSpanExporterProvider.class,
              ConfigurableSpanExporterProvider::getName);
        case METRIC_EXPORTER:
          Set<String> metricNames =
              new TreeSet<>(names(loader, ConfigurableMetricExporterProvider.class,
                  ConfigurableMetricExporterProvider::getName));
          metricNames.addAll(names(loader, ConfigurableMetricReaderProvider.class,
              ConfigurableMetricReaderProvider::getName));
          return Collections.unmodifiableSet(metricNames);
        case LOG_RECORD_EXPORTER:
          return names(loader, ConfigurableLogRecordExporterProvider.class,
              ConfigurableLogRecordExporterProvider::getName);
        case SAMPLER:
          return names(loader, ConfigurableSamplerProvider.class,
              ConfigurableSamplerProvider::getName);
        case PROPAGATOR:
          return names(loader, ConfigurablePropagatorProvider.class,
              ConfigurablePropagatorProvider::getName);
        case COMPRESSOR:
          return names(loader, Compressor.class, Compressor::getEncoding);
      }
    } catch (Throwable t) {
      // A broken service registration is autoconfigure's to report; here it only means that
      // names cannot be judged.
      logger.log(Level.FINE, "Cannot list " + component + " implementations", t);
    }
    return null;
  }

  private static <T> Set<String> names(
      ComponentLoader loader, Class<T> type, Function<T, String> name) {
    Set<String> names = new TreeSet<>();
    for (T implementation : loader.load(type)) {
      names.add(name.apply(implementation));
    }
    return Collections.unmodifiableSet(names);
  }
}
