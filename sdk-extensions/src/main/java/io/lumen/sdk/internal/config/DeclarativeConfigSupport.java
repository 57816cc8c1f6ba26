package io.lumen.sdk.internal.config;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;

/**
 * Whether autoconfigure can read {@code otel.config.file}: only with
 * opentelemetry-sdk-extension-declarative-config next to it, which Lumen does not bundle.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class DeclarativeConfigSupport {

  private static final boolean AVAILABLE = detect();

  private DeclarativeConfigSupport() {}

  public static boolean isAvailable() {
    return AVAILABLE;
  }

  private static boolean detect() {
    try {
      // The class autoconfigure itself looks for, through its own class loader.
      Class.forName(
          "io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfiguration",
          false,
          AutoConfiguredOpenTelemetrySdkBuilder.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
