package io.lumen.agent.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the agent and of what it bundles, written into the jar by the build. */
final class AgentVersions {

  static final String AGENT;
  static final String OPENTELEMETRY_SDK;
  static final String INSTRUMENTATION_API;

  static {
    Properties properties = new Properties();
    try (InputStream in = AgentVersions.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException ignored) {
      // versions show as "unknown"
    }
    AGENT = properties.getProperty("agent.version", "unknown");
    OPENTELEMETRY_SDK = properties.getProperty("opentelemetry.sdk.version", "unknown");
    INSTRUMENTATION_API = properties.getProperty("opentelemetry.instrumentation.api.version", "unknown");
  }

  private AgentVersions() {}
}
