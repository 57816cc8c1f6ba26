package io.lumen.sdk.resources;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ConditionalResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Names the service after the application's main class when nothing better is known, so that
 * telemetry never arrives as {@code unknown_service:java}.
 *
 * <p>Runs after the main-jar detectors of {@code opentelemetry-resources} (which name a {@code java
 * -jar app.jar} service {@code app}, or after the jar manifest's {@code Implementation-Title}) and
 * only if they found nothing. The main class comes from the {@code sun.java.command} system
 * property: {@code java -cp ... com.example.CheckoutApp} gives {@code CheckoutApp}. A jar in that
 * property that the jar detector could not open still gives its base name, and a single-file source
 * program ({@code java Tool.java}) gives {@code Tool}.
 *
 * <p>An explicit name always wins: {@code otel.service.name} ({@code OTEL_SERVICE_NAME}) or {@code
 * service.name} in {@code otel.resource.attributes} ({@code OTEL_RESOURCE_ATTRIBUTES}).
 */
public final class MainClassServiceNameDetector implements ConditionalResourceProvider {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final String UNKNOWN_SERVICE = "unknown_service:java";

  /** A class name, optionally behind its module name: {@code com.acme.app/com.acme.Main}. */
  private static final Pattern MAIN_CLASS = Pattern.compile("[\\w$.]+(/[\\w$.]+)?");

  private final Supplier<String> javaCommand;

  /** Used by the service loader: reads {@code sun.java.command}. */
  public MainClassServiceNameDetector() {
    this(() -> System.getProperty("sun.java.command"));
  }

  // Visible for testing
  MainClassServiceNameDetector(Supplier<String> javaCommand) {
    this.javaCommand = javaCommand;
  }

  @Override
  public boolean shouldApply(ConfigProperties config, Resource existing) {
    return config.getString("otel.service.name") == null
        && !config.getMap("otel.resource.attributes").containsKey(SERVICE_NAME.getKey())
        && UNKNOWN_SERVICE.equals(existing.getAttribute(SERVICE_NAME));
  }

  @Override
  public Resource createResource(ConfigProperties config) {
    String serviceName = serviceNameFromCommand(javaCommand.get());
    return serviceName == null
        ? Resource.empty()
        : Resource.create(Attributes.of(SERVICE_NAME, serviceName));
  }

  @Override
  public int order() {
    // After opentelemetry-resources' ManifestResourceProvider (300) and JarServiceNameDetector
    // (1000): they know better when they find anything.
    return 1100;
  }

  /**
   * The service name a {@code sun.java.command} value implies, or {@code null}. The value is the
   * main class or jar followed by the program arguments, separated by spaces.
   */
  @Nullable
  static String serviceNameFromCommand(@Nullable String command) {
    if (command == null || command.trim().isEmpty()) {
      return null;
    }
    String trimmed = command.trim();
    String[] words = trimmed.split("\\s+");
    String first = words[0];
    if (!first.endsWith(".jar") && MAIN_CLASS.matcher(first).matches()) {
      String mainClass = first.substring(first.indexOf('/') + 1); // "module/com.example.Main"
      if (isSourceLauncher(mainClass) && words.length > 1) {
        return nonEmpty(stripExtension(baseName(words[1])));
      }
      return nonEmpty(mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }
    // A jar path, which may contain spaces: it ends at the first ".jar" followed by a space.
    int jarEnd = endOfFirstJar(trimmed);
    return jarEnd > 0 ? nonEmpty(stripExtension(baseName(trimmed.substring(0, jarEnd)))) : null;
  }

  private static int endOfFirstJar(String command) {
    int from = 0;
    while (true) {
      int index = command.indexOf(".jar", from);
      if (index < 0) {
        return -1;
      }
      int end = index + 4;
      if (end == command.length() || command.charAt(end) == ' ') {
        return end;
      }
      from = end;
    }
  }

  private static boolean isSourceLauncher(String mainClass) {
    return mainClass.startsWith("com.sun.tools.javac.launcher.");
  }

  private static String baseName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  private static String stripExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  @Nullable
  private static String nonEmpty(String name) {
    return name.isEmpty() ? null : name;
  }
}
