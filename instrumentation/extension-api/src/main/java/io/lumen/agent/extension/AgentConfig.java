package io.lumen.agent.extension;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collections;

/**
 * The agent's resolved configuration ({@code otel.*} system properties, {@code OTEL_*} environment
 * variables and defaults), the same object the SDK was configured from, for modules to read their
 * {@code otel.instrumentation.*} keys.
 */
public final class AgentConfig {

  private static volatile ConfigProperties config = EmptyConfig.INSTANCE;

  private AgentConfig() {}

  public static ConfigProperties get() {
    return config;
  }

  /** Set once by the agent at start-up. Not for modules to call. */
  public static void set(ConfigProperties newConfig) {
    config = newConfig == null ? EmptyConfig.INSTANCE : newConfig;
  }

  private enum EmptyConfig implements ConfigProperties {
    INSTANCE;

    @Override
    public String getString(String name) {
      return null;
    }

    @Override
    public Boolean getBoolean(String name) {
      return null;
    }

    @Override
    public Integer getInt(String name) {
      return null;
    }

    @Override
    public Long getLong(String name) {
      return null;
    }

    @Override
    public Double getDouble(String name) {
      return null;
    }

    @Override
    public java.time.Duration getDuration(String name) {
      return null;
    }

    @Override
    public java.util.List<String> getList(String name) {
      return Collections.emptyList();
    }

    @Override
    public java.util.Map<String, String> getMap(String name) {
      return Collections.emptyMap();
    }
  }
}
