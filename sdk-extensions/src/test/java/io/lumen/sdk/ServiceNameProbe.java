package io.lumen.sdk;

import io.opentelemetry.api.common.AttributeKey;
import java.util.Map;

/**
 * Run in a forked JVM by {@link ServiceNameTest}: prints the resource's service attributes, as an
 * application started with {@code java -jar} or {@code java -cp ... Main} would get them.
 */
public final class ServiceNameProbe {

  private ServiceNameProbe() {}

  public static void main(String[] args) {
    try (LumenOpenTelemetrySdk sdk =
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> Map.of("otel.sdk.disabled", "true"))
            .build()) {
      System.out.println(
          "service.name=" + sdk.getResource().getAttribute(AttributeKey.stringKey("service.name")));
      System.out.println(
          "service.instance.id="
              + sdk.getResource().getAttribute(AttributeKey.stringKey("service.instance.id")));
      System.out.println(
          "service.version="
              + sdk.getResource().getAttribute(AttributeKey.stringKey("service.version")));
    }
  }
}
