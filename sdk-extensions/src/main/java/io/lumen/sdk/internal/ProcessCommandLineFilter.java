package io.lumen.sdk.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.resources.ResourceBuilder;

/**
 * Removes {@code process.command_line} and {@code process.command_args} from the resource unless
 * the user enabled them: command lines carry secrets ({@code -Ddb.password=...}, tokens in
 * arguments) far more often than the process detector's scrubbing can catch, and they are sent
 * with every batch of telemetry.
 *
 * <p>Enable with {@code otel.instrumentation.resources.experimental.process-command-attributes.enabled=true},
 * the key of the upstream process detector.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ProcessCommandLineFilter {

  public static final String ENABLED_KEY =
      "otel.instrumentation.resources.experimental.process-command-attributes.enabled";

  private static final String COMMAND_LINE = "process.command_line";
  private static final String COMMAND_ARGS = "process.command_args";

  private ProcessCommandLineFilter() {}

  public static Resource apply(Resource resource, ConfigProperties config) {
    if (config.getBoolean(ENABLED_KEY, false)) {
      return resource;
    }
    ResourceBuilder builder =
        resource.toBuilder()
            .removeIf(
                key -> key.getKey().equals(COMMAND_LINE) || key.getKey().equals(COMMAND_ARGS));
    if (resource.getSchemaUrl() != null) {
      builder.setSchemaUrl(resource.getSchemaUrl());
    }
    return builder.build();
  }
}
