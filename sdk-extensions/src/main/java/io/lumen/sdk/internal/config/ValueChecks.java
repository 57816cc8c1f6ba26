package io.lumen.sdk.internal.config;

import io.lumen.sdk.internal.config.RepairContext.Component;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.io.File;
import java.io.UnsupportedEncodingException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * The checks {@link PropertyRules} are made of. Each accepts exactly what autoconfigure and the
 * SDK accept without throwing (parsing with their own code where it is reachable), and rejects
 * what would make them throw or misbehave.
 */
final class ValueChecks {

  private ValueChecks() {}

  /** {@code true} or {@code false}, in any case. Anything else autoconfigure reads as false. */
  static PropertyRule.Check bool() {
    return (key, value, context) -> {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        return Verdict.invalid("not true or false");
      }
      // Boolean.parseBoolean(" true") is false: trim, or the user's true becomes false.
      return v.equals(value.toLowerCase(Locale.ROOT))
          ? Verdict.valid()
          : Verdict.repaired("surrounded by whitespace", v);
    };
  }

  /** An integer from {@code min} to {@code max}. */
  static PropertyRule.Check integer(long min, long max) {
    return (key, value, context) -> {
      long number;
      try {
        number = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        return Verdict.invalid("not an integer from " + min + " to " + max);
      }
      if (number < min || number > max) {
        return Verdict.invalid("not an integer from " + min + " to " + max);
      }
      // Integer.parseInt(" 5") throws: trim.
      return value.equals(value.trim())
          ? Verdict.valid()
          : Verdict.repaired("surrounded by whitespace", value.trim());
    };
  }

  /**
   * A duration as autoconfigure reads it (a number of milliseconds, or a number with a unit: {@code
   * ms}, {@code s}, {@code m}, {@code h}, {@code d}, {@code us}, {@code ns}), not negative, and
   * above zero if {@code positive}.
   */
  static PropertyRule.Check duration(boolean positive) {
    String expected =
        (positive ? "a duration above zero" : "a duration of zero or more")
            + " (milliseconds, or a number with ms, s, m, h or d)";
    return (key, value, context) -> {
      Duration duration;
      try {
        duration =
            DefaultConfigProperties.createFromMap(Collections.singletonMap(key, value))
                .getDuration(key);
      } catch (ConfigurationException | ArithmeticException e) {
        return Verdict.invalid("not " + expected);
      }
      if (duration == null
          || duration.isNegative()
          || (positive && duration.isZero())) {
        return Verdict.invalid("not " + expected);
      }
      return Verdict.valid();
    };
  }

  /** A number from {@code min} to {@code max} (inclusive; {@code max} may be infinity). */
  static PropertyRule.Check decimal(double min, double max, boolean minInclusive) {
    String range =
        max == Double.POSITIVE_INFINITY
            ? (minInclusive ? "a number of at least " : "a number above ") + format(min)
            : "a number from " + format(min) + " to " + format(max);
    return (key, value, context) -> {
      double number;
      try {
        number = Double.parseDouble(value.trim());
      } catch (NumberFormatException e) {
        return Verdict.invalid("not " + range);
      }
      boolean aboveMin = minInclusive ? number >= min : number > min;
      if (!aboveMin || !(number <= max) || Double.isInfinite(number)) {
        return Verdict.invalid("not " + range);
      }
      return Verdict.valid();
    };
  }

  /** One of {@code allowed}; {@code ignoreCase} as the SDK compares. */
  static PropertyRule.Check oneOf(boolean ignoreCase, String... allowed) {
    List<String> values = Arrays.asList(allowed);
    return (key, value, context) -> {
      for (String candidate : values) {
        if (ignoreCase ? candidate.equalsIgnoreCase(value) : candidate.equals(value)) {
          return Verdict.valid();
        }
      }
      String trimmed = value.trim();
      for (String candidate : values) {
        if (ignoreCase ? candidate.equalsIgnoreCase(trimmed) : candidate.equals(trimmed)) {
          return Verdict.repaired("surrounded by whitespace", candidate);
        }
      }
      return Verdict.invalid("not one of " + String.join(", ", values));
    };
  }

  /** Any value: the key is documented, and whatever is given is used as it is. */
  static PropertyRule.Check anything() {
    return (key, value, context) -> Verdict.valid();
  }

  /**
   * A comma-separated list of component names, each built in ({@code builtIn}) or known to an SPI
   * implementation of {@code component}; {@code none} alone turns the component off. Unknown and
   * repeated names are left out and the rest is kept; {@code none} next to other names is dropped,
   * so that telemetry keeps flowing.
   */
  static PropertyRule.Check names(String kind, @Nullable Component component, String... builtIn) {
    return (key, value, context) -> {
      Set<String> known = new TreeSet<>(Arrays.asList(builtIn));
      if (component != null) {
        Set<String> spiNames = context.spiNames(component);
        if (spiNames == null) {
          return Verdict.valid();
        }
        known.addAll(spiNames);
      }
      List<String> requested = splitList(value);
      Set<String> kept = new LinkedHashSet<>();
      List<String> problems = new ArrayList<>();
      for (String name : requested) {
        if (!known.contains(name) && !name.equals("none")) {
          problems.add("unknown " + kind + " '" + name + "'");
        } else if (!kept.add(name)) {
          problems.add(kind + " '" + name + "' named twice");
        }
      }
      if (kept.contains("none") && kept.size() > 1) {
        kept.remove("none");
        problems.add("'none' together with other " + kind + "s");
      }
      if (problems.isEmpty()) {
        return Verdict.valid();
      }
      String problem =
          "not usable as it is: "
              + String.join("; ", problems)
              + " (known: "
              + String.join(", ", known)
              + ")";
      return kept.isEmpty()
          ? Verdict.invalid(problem)
          : Verdict.repaired(problem, String.join(",", kept));
    };
  }

  /** What one entry of a {@code key=value,...} map must satisfy; returns the problem or null. */
  interface EntryCheck {
    @Nullable
    String problem(String name, String value, RepairContext context);
  }

  /**
   * A {@code key=value,...} map as autoconfigure reads it. Malformed entries (no {@code =}, empty
   * key) and entries {@code entryCheck} rejects are left out; the rest is kept. With {@code
   * showValues} false, problems name entries by position and key only, never by value.
   */
  static PropertyRule.Check map(EntryCheck entryCheck, boolean showValues) {
    return (key, value, context) -> {
      List<String> kept = new ArrayList<>();
      List<String> keptNames = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      List<String> entries = splitList(value);
      for (int i = 0; i < entries.size(); i++) {
        String entry = entries.get(i);
        int equals = entry.indexOf('=');
        String name = equals < 0 ? "" : entry.substring(0, equals).trim();
        String entryValue = equals < 0 ? "" : entry.substring(equals + 1).trim();
        String label =
            "entry " + (i + 1) + (showValues ? " '" + entry + "'" : name.isEmpty() ? "" : " ('"
                + name + "')");
        if (equals < 0 || name.isEmpty()) {
          problems.add(label + " is not key=value");
          continue;
        }
        if (entryValue.isEmpty()) {
          // Autoconfigure ignores "key=": so does Lumen, quietly.
          kept.add(entry);
          continue;
        }
        String problem = entryCheck.problem(name, entryValue, context);
        if (problem != null) {
          problems.add(label + " " + problem);
          continue;
        }
        kept.add(entry);
        keptNames.add(name);
      }
      if (problems.isEmpty()) {
        return Verdict.valid();
      }
      String problem = "not usable as it is: " + String.join("; ", problems);
      if (keptNames.isEmpty()) {
        return Verdict.invalid(problem);
      }
      return Verdict.repaired(problem, String.join(",", kept));
    };
  }

  /** Entries of {@code otel.resource.attributes}: any value. */
  static EntryCheck anyEntry() {
    return (name, value, context) -> null;
  }

  /**
   * Entries of {@code otel.exporter.otlp.headers}: a URL-encoded value (as the specification
   * says) that decodes to characters an HTTP header may carry, under a valid header name.
   */
  static EntryCheck httpHeader() {
    return (name, value, context) -> {
      if (!isHeaderName(name)) {
        return "has a name that is not a valid HTTP header name";
      }
      String decoded;
      try {
        decoded = URLDecoder.decode(value, "UTF-8");
      } catch (IllegalArgumentException | UnsupportedEncodingException e) {
        return "has a value that is not URL-encoded (a '%' not followed by two hex digits)";
      }
      for (int i = 0; i < decoded.length(); i++) {
        char c = decoded.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          return "has a value with a character an HTTP header cannot carry (control or non-ASCII)";
        }
      }
      return null;
    };
  }

  private static boolean isHeaderName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return false;
      }
    }
    return true;
  }

  /**
   * An OTLP endpoint as the exporters accept it: an http or https URL with a host, without query
   * or fragment, and, when {@code grpcUse} says the endpoint serves a gRPC exporter, without a
   * path.
   */
  static PropertyRule.Check otlpEndpoint(Function<RepairContext, Boolean> grpcUse) {
    return (key, value, context) -> {
      String problem = endpointProblem(value, grpcUse.apply(context));
      return problem == null ? Verdict.valid() : Verdict.invalid(problem);
    };
  }

  /** Why {@code endpoint} is not a usable OTLP endpoint, or null if it is. */
  @Nullable
  static String endpointProblem(String endpoint, boolean grpc) {
    URL url;
    try {
      url = new URL(endpoint);
      new URI(endpoint);
    } catch (MalformedURLException | URISyntaxException e) {
      return "not a URL";
    }
    if (!url.getProtocol().equals("http") && !url.getProtocol().equals("https")) {
      return "not an http:// or https:// URL";
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      return "a URL without a host";
    }
    if (url.getPort() > 65535) {
      return "a URL with a port above 65535";
    }
    if (url.getQuery() != null) {
      return "a URL with a query string, which OTLP endpoints must not have";
    }
    if (url.getRef() != null) {
      return "a URL with a fragment, which OTLP endpoints must not have";
    }
    if (grpc && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
      return "a URL with a path, which a grpc endpoint must not have";
    }
    return null;
  }

  /** A file that exists, can be read, and {@code contentCheck} accepts (null: any content). */
  static PropertyRule.Check readableFile(@Nullable Function<byte[], String> contentCheck) {
    return (key, value, context) -> {
      File file = new File(value);
      if (!file.isFile()) {
        return Verdict.invalid("no such file");
      }
      if (!file.canRead()) {
        return Verdict.invalid("a file this process cannot read");
      }
      if (contentCheck == null) {
        return Verdict.valid();
      }
      byte[] content;
      try {
        content = java.nio.file.Files.readAllBytes(file.toPath());
      } catch (java.io.IOException | RuntimeException e) {
        return Verdict.invalid("a file that cannot be read (" + e.getMessage() + ")");
      }
      String problem = contentCheck.apply(content);
      return problem == null ? Verdict.valid() : Verdict.invalid(problem);
    };
  }

  /** Splits a comma-separated list as autoconfigure does: trimmed, blanks dropped. */
  static List<String> splitList(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    return items;
  }

  private static String format(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}
