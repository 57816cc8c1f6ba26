package io.lumen.sdk.internal.config;

import static io.lumen.sdk.internal.config.PropertyRule.forKey;
import static io.lumen.sdk.internal.config.PropertyRule.forKeys;
import static io.lumen.sdk.internal.config.ValueChecks.anything;
import static io.lumen.sdk.internal.config.ValueChecks.bool;
import static io.lumen.sdk.internal.config.ValueChecks.decimal;
import static io.lumen.sdk.internal.config.ValueChecks.duration;
import static io.lumen.sdk.internal.config.ValueChecks.integer;
import static io.lumen.sdk.internal.config.ValueChecks.names;
import static io.lumen.sdk.internal.config.ValueChecks.oneOf;

import io.lumen.sdk.internal.DiskBufferingConfiguration;
import io.lumen.sdk.internal.ExporterHeadersFile;
import io.lumen.sdk.internal.LumenDefaults;
import io.lumen.sdk.internal.OtlpProtocolDefaults;
import io.lumen.sdk.internal.RedactionConfiguration;
import io.lumen.sdk.internal.ShutdownConfiguration;
import io.lumen.sdk.internal.config.RepairContext.Component;
import io.opentelemetry.exporter.internal.TlsUtil;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Every configuration key Lumen documents (its README and the SDK's), with the values it accepts
 * and what a bad value falls back to.
 *
 * <p>Order matters: a rule sees the configuration as repaired by the rules before it, so protocols
 * come before the endpoints checked against them, and samplers before their argument.
 */
final class PropertyRules {

  static final List<String> SIGNALS =
      Collections.unmodifiableList(Arrays.asList("traces", "metrics", "logs"));

  /**
   * The largest batch queue accepted. The SDK allocates the whole queue up front: a mistyped
   * {@code 2048000000} would take gigabytes before the first span.
   */
  static final int MAX_QUEUE_SIZE = 1 << 20;

  private static final String OTLP = "otel.exporter.otlp.";
  private static final String[] BUILT_IN_SAMPLERS = {
    "always_on",
    "always_off",
    "traceidratio",
    "parentbased_always_on",
    "parentbased_always_off",
    "parentbased_traceidratio",
    "parentbased_jaeger_remote"
  };

  private static final List<PropertyRule> ALL = Collections.unmodifiableList(build());

  private PropertyRules() {}

  /** All rules, in the order they are applied. */
  static List<PropertyRule> all() {
    return ALL;
  }

  private static List<PropertyRule> build() {
    List<PropertyRule> rules = new ArrayList<>();

    // General and resource.
    rules.add(forKey("otel.sdk.disabled", "false", bool()));
    rules.add(forKey("otel.config.file", "none: configure with otel.* keys", declarativeConfig()));
    rules.add(forKey("otel.service.name", "detected", anything()));
    rules.add(
        forKey(
            "otel.resource.attributes",
            "none",
            ValueChecks.map(ValueChecks.anyEntry(), /* showValues= */ true)));
    rules.add(forKey("otel.resource.disabled.keys", "none", anything()));
    rules.add(forKey("otel.java.disabled.resource.providers", "none", anything()));
    rules.add(forKey("otel.java.enabled.resource.providers", "all", anything()));
    rules.add(
        forKey(
            "otel.instrumentation.resources.experimental.process-command-attributes.enabled",
            "false",
            bool()));
    rules.add(
        forKey(
            LumenDefaults.SDK_TELEMETRY_VERSION,
            "latest",
            oneOf(/* ignoreCase= */ true, "legacy", "latest")));

    // Exporters, then OTLP protocols before the endpoints checked against them.
    rules.add(
        forKey(
            "otel.traces.exporter",
            "otlp",
            names("exporter", Component.SPAN_EXPORTER)));
    rules.add(
        forKey(
            "otel.metrics.exporter",
            "otlp",
            names("exporter", Component.METRIC_EXPORTER)));
    rules.add(
        forKey(
            "otel.logs.exporter",
            "otlp",
            names("exporter", Component.LOG_RECORD_EXPORTER)));
    rules.add(
        forKey(
            OTLP + "protocol",
            context ->
                OtlpProtocolDefaults.protocolFor(context.config().getString(OTLP + "endpoint"))
                    + " (http/protobuf for an endpoint on port 4318)",
            oneOf(false, OtlpProtocolDefaults.GRPC, OtlpProtocolDefaults.HTTP_PROTOBUF)));
    for (String signal : SIGNALS) {
      rules.add(
          forKey(
              OTLP + signal + ".protocol",
              "the general otel.exporter.otlp.protocol",
              oneOf(false, OtlpProtocolDefaults.GRPC, OtlpProtocolDefaults.HTTP_PROTOBUF)));
    }
    rules.add(
        forKey(
            OTLP + "endpoint",
            "http://localhost:4317 (grpc), http://localhost:4318 (http/protobuf)",
            ValueChecks.otlpEndpoint(PropertyRules::generalEndpointServesGrpc)));
    for (String signal : SIGNALS) {
      rules.add(
          forKey(
              OTLP + signal + ".endpoint",
              "the general otel.exporter.otlp.endpoint",
              ValueChecks.otlpEndpoint(context -> isGrpc(context.config(), signal))));
    }
    rules.add(
        forKey(OTLP + "headers", "none", ValueChecks.map(ValueChecks.httpHeader(), false))
            .sensitive());
    for (String signal : SIGNALS) {
      rules.add(
          forKey(
                  OTLP + signal + ".headers",
                  "the general otel.exporter.otlp.headers",
                  ValueChecks.map(ValueChecks.httpHeader(), false))
              .sensitive());
    }
    rules.add(
        forKey(ExporterHeadersFile.KEY, "none", ValueChecks.readableFile(null)));
    rules.add(forKey(OTLP + "compression", "none", compression()));
    for (String signal : SIGNALS) {
      rules.add(
          forKey(
              OTLP + signal + ".compression",
              "the general otel.exporter.otlp.compression",
              compression()));
    }
    rules.add(forKey(OTLP + "timeout", "10000 ms", duration(false)));
    for (String signal : SIGNALS) {
      rules.add(
          forKey(
              OTLP + signal + ".timeout", "the general otel.exporter.otlp.timeout",
              duration(false)));
    }
    for (String prefix : tlsPrefixes()) {
      String general = prefix.equals(OTLP) ? "the system trust store" : "the general key";
      rules.add(
          forKey(
              prefix + "certificate",
              general,
              ValueChecks.readableFile(PropertyRules::trustedCertificatesProblem)));
      rules.add(
          forKey(
              prefix + "client.key",
              prefix.equals(OTLP) ? "none (no client certificate)" : "the general key",
              ValueChecks.readableFile(PropertyRules::privateKeyProblem)));
      rules.add(
          forKey(
              prefix + "client.certificate",
              prefix.equals(OTLP) ? "none (no client certificate)" : "the general key",
              ValueChecks.readableFile(PropertyRules::certificateChainProblem)));
    }
    rules.add(forKey("otel.java.exporter.otlp.retry.disabled", "false", bool()));
    rules.add(
        forKey(
            "otel.java.exporter.memory_mode",
            "the exporter's default",
            oneOf(true, "reusable_data", "immutable_data")));
    rules.add(
        forKey(
            OTLP + "metrics.temporality.preference",
            "cumulative",
            oneOf(true, "cumulative", "delta", "lowmemory")));
    rules.add(
        forKey(
            OTLP + "metrics.default.histogram.aggregation",
            "explicit_bucket_histogram",
            oneOf(true, "explicit_bucket_histogram", "base2_exponential_bucket_histogram")));

    // Batching and metric reading.
    batchProcessor(rules, "otel.bsp.", "5000 ms");
    batchProcessor(rules, "otel.blrp.", "1000 ms");
    rules.add(forKey("otel.metric.export.interval", "60000 ms", duration(true)));
    rules.add(forKey("otel.metric.export.timeout", "30000 ms", duration(false)));
    rules.add(
        forKey(
            "otel.metrics.exemplar.filter",
            "trace_based",
            oneOf(true, "trace_based", "always_on", "always_off")));
    rules.add(
        forKey("otel.java.metrics.cardinality.limit", "2000", integer(1, Integer.MAX_VALUE)));

    // Limits.
    rules.add(
        forKey("otel.attribute.value.length.limit", "no limit", integer(0, Integer.MAX_VALUE)));
    rules.add(forKey("otel.attribute.count.limit", "128", integer(0, Integer.MAX_VALUE)));
    rules.add(
        forKey(
            "otel.span.attribute.value.length.limit",
            "otel.attribute.value.length.limit",
            integer(0, Integer.MAX_VALUE)));
    rules.add(
        forKey(
            "otel.span.attribute.count.limit",
            "otel.attribute.count.limit",
            integer(0, Integer.MAX_VALUE)));
    rules.add(forKey("otel.span.event.count.limit", "128", integer(0, Integer.MAX_VALUE)));
    rules.add(forKey("otel.span.link.count.limit", "128", integer(0, Integer.MAX_VALUE)));

    // Sampling: the sampler before its argument.
    rules.add(
        forKey(
            "otel.traces.sampler",
            "parentbased_always_on",
            names("sampler", Component.SAMPLER, BUILT_IN_SAMPLERS)));
    rules.add(forKey("otel.traces.sampler.arg", PropertyRules::samplerArgDefault, samplerArg()));
    // The rule_based sampler reports bad rules itself, quoting the rule at fault.
    rules.add(forKey("otel.traces.sampler.rules", "none", anything()));

    // Propagation.
    rules.add(
        forKey(
            "otel.propagators",
            "tracecontext,baggage",
            names("propagator", Component.PROPAGATOR, "tracecontext", "baggage")));

    // Lumen's own keys.
    rules.add(forKey(RedactionConfiguration.ENABLED, "true", bool()));
    for (String key :
        Arrays.asList(
            RedactionConfiguration.KEYS,
            RedactionConfiguration.ADDITIONAL_KEYS,
            RedactionConfiguration.URL_KEYS,
            RedactionConfiguration.QUERY_KEYS,
            RedactionConfiguration.QUERY_PARAMETERS,
            RedactionConfiguration.ADDITIONAL_QUERY_PARAMETERS)) {
      rules.add(forKey(key, "Lumen's list", anything()));
    }
    rules.add(forKey(ShutdownConfiguration.TIMEOUT, "10 s", duration(true)));
    rules.add(forKey(DiskBufferingConfiguration.ENABLED, "false", bool()));
    rules.add(
        forKey(
            DiskBufferingConfiguration.DIRECTORY,
            "<java.io.tmpdir>/lumen-disk-buffer/<service.name>",
            writableDirectory()));
    rules.add(
        forKey(
            DiskBufferingConfiguration.MAX_SIZE,
            DiskBufferingConfiguration.DEFAULT_MAX_SIZE_TEXT,
            byteSize()));
    rules.add(forKey(DiskBufferingConfiguration.MAX_AGE, "6 h", duration(true)));

    // The agent's keys (read by the agent, documented in the root README).
    rules.add(forKey("otel.javaagent.enabled", "true", bool()));
    rules.add(forKey("otel.javaagent.debug", "false", bool()));
    // Reported by the agent itself, per jar.
    rules.add(forKey("otel.javaagent.extensions", "none", anything()));
    rules.add(forKey("otel.instrumentation.common.default-enabled", "true", bool()));
    rules.add(forKey("otel.instrumentation.http.server.capture-request-headers", "none",
        anything()));
    rules.add(forKey("otel.instrumentation.http.server.capture-response-headers", "none",
        anything()));
    rules.add(forKey("otel.instrumentation.http.client.capture-request-headers", "none",
        anything()));
    rules.add(forKey("otel.instrumentation.http.client.capture-response-headers", "none",
        anything()));
    rules.add(forKey("otel.semconv-stability.opt-in", "none", anything()));
    rules.add(
        forKey(
            "otel.instrumentation.http.client.sensitive-query-parameters",
            "Lumen's list",
            anything()));
    rules.add(
        forKey("otel.instrumentation.messaging.experimental.capture-headers", "none", anything()));
    rules.add(
        forKey(
            "otel.instrumentation.messaging.receive-span-kind",
            "consumer",
            oneOf(/* ignoreCase= */ true, "consumer", "client")));
    rules.add(
        forKey(
            "otel.instrumentation.http.known-methods",
            "the methods of RFC 9110 and PATCH",
            anything()));
    rules.add(forKey("otel.instrumentation.executors.include", "none", anything()));
    rules.add(forKey("otel.instrumentation.methods.include", "none", anything()));
    for (String field : new String[] {"trace-id", "span-id", "trace-flags"}) {
      rules.add(
          forKey("otel.instrumentation.common.logging." + field, field.replace('-', '_'),
              anything()));
    }
    rules.add(
        forKey(
            "otel.instrumentation.runtime-telemetry.emit-experimental-telemetry", "false", bool()));
    rules.add(
        forKeys(
            "otel.instrumentation.<name>.minimum-level",
            "every level",
            oneOf(
                true, "ALL", "TRACE", "FINEST", "FINER", "DEBUG", "FINE", "CONFIG", "INFO", "WARN",
                "WARNING", "ERROR", "SEVERE", "FATAL")));
    rules.add(forKeys("otel.instrumentation.<name>.capture-mdc-attributes", "false", bool()));
    rules.add(
        forKeys(
            "otel.instrumentation.<name>.enabled",
            "the module's default (otel.instrumentation.common.default-enabled)",
            bool()));
    // Any other switch, for example of an extension: true or false, whoever reads it.
    rules.add(forKeys("otel.<name>.enabled", "its default", bool()));
    return rules;
  }

  private static void batchProcessor(List<PropertyRule> rules, String prefix, String delay) {
    rules.add(forKey(prefix + "schedule.delay", delay, duration(false)));
    rules.add(forKey(prefix + "max.queue.size", "2048", integer(1, MAX_QUEUE_SIZE)));
    rules.add(forKey(prefix + "max.export.batch.size", "512", integer(1, MAX_QUEUE_SIZE)));
    rules.add(forKey(prefix + "export.timeout", "30000 ms", duration(false)));
  }

  private static List<String> tlsPrefixes() {
    List<String> prefixes = new ArrayList<>();
    prefixes.add(OTLP);
    for (String signal : SIGNALS) {
      prefixes.add(OTLP + signal + ".");
    }
    return prefixes;
  }

  private static PropertyRule.Check compression() {
    return (key, value, context) -> {
      // The SDK accepts gzip, none and the encodings of Compressor implementations.
      java.util.Set<String> spiNames = context.spiNames(Component.COMPRESSOR);
      if (spiNames == null || spiNames.contains(value)) {
        return Verdict.valid();
      }
      List<String> known = new ArrayList<>(Arrays.asList("gzip", "none"));
      for (String name : spiNames) {
        if (!known.contains(name)) {
          known.add(name);
        }
      }
      return oneOf(false, known.toArray(new String[0])).check(key, value, context);
    };
  }

  /** Lumen cannot read declarative configuration files: the file is ignored. */
  private static PropertyRule.Check declarativeConfig() {
    return (key, value, context) ->
        DeclarativeConfigSupport.isAvailable()
            ? ValueChecks.readableFile(null).check(key, value, context)
            : Verdict.invalid(
                "declarative configuration needs"
                    + " io.opentelemetry:opentelemetry-sdk-extension-declarative-config, which"
                    + " Lumen does not include");
  }

  /** The protocol {@code signal} is exported with, after repairs and Lumen's defaults. */
  static boolean isGrpc(ConfigProperties config, String signal) {
    String protocol = config.getString(OTLP + signal + ".protocol");
    if (protocol == null) {
      protocol = config.getString(OTLP + "protocol");
    }
    if (protocol == null) {
      String endpoint = config.getString(OTLP + signal + ".endpoint");
      if (endpoint == null) {
        endpoint = config.getString(OTLP + "endpoint");
      }
      protocol = OtlpProtocolDefaults.protocolFor(endpoint);
    }
    return !protocol.equals(OtlpProtocolDefaults.HTTP_PROTOBUF);
  }

  /** Whether a signal without an endpoint of its own exports with gRPC. */
  private static boolean generalEndpointServesGrpc(RepairContext context) {
    for (String signal : SIGNALS) {
      if (context.config().getString(OTLP + signal + ".endpoint") == null
          && isGrpc(context.config(), signal)) {
        return true;
      }
    }
    return false;
  }

  private static String samplerArgDefault(RepairContext context) {
    switch (sampler(context.config())) {
      case "rate_limiting":
        return "10";
      case "jaeger_remote":
      case "parentbased_jaeger_remote":
        return "endpoint=http://localhost:14250,pollingIntervalMs=60000,initialSamplingRate=0.001";
      case "xray":
        return "endpoint=http://localhost:2000";
      default:
        return "1.0";
    }
  }

  private static String sampler(ConfigProperties config) {
    String sampler = config.getString("otel.traces.sampler");
    return sampler == null ? "parentbased_always_on" : sampler;
  }

  /** The argument means something different to each sampler. */
  private static PropertyRule.Check samplerArg() {
    PropertyRule.Check ratio = decimal(0, 1, true);
    PropertyRule.Check perSecond = decimal(0, Double.POSITIVE_INFINITY, false);
    PropertyRule.Check jaeger = ValueChecks.map(PropertyRules::jaegerRemoteEntryProblem, true);
    PropertyRule.Check xray = ValueChecks.map(PropertyRules::xrayEntryProblem, true);
    return (key, value, context) -> {
      switch (sampler(context.config())) {
        case "traceidratio":
        case "parentbased_traceidratio":
        case "consistent_probability":
          return ratio.check(key, value, context);
        case "rate_limiting":
          return perSecond.check(key, value, context);
        case "jaeger_remote":
        case "parentbased_jaeger_remote":
          return jaeger.check(key, value, context);
        case "xray":
          return xray.check(key, value, context);
        default:
          return Verdict.valid();
      }
    };
  }

  private static String jaegerRemoteEntryProblem(
      String name, String value, RepairContext context) {
    switch (name) {
      case "endpoint":
        String problem = ValueChecks.endpointProblem(value, /* grpc= */ true);
        return problem == null ? null : "is " + problem;
      case "pollingIntervalMs":
      case "pollingInterval":
        try {
          return Integer.parseInt(value) > 0 ? null : "is not a positive number of milliseconds";
        } catch (NumberFormatException e) {
          return "is not a positive number of milliseconds";
        }
      case "initialSamplingRate":
        try {
          double rate = Double.parseDouble(value);
          return rate >= 0 && rate <= 1 ? null : "is not a ratio from 0 to 1";
        } catch (NumberFormatException e) {
          return "is not a ratio from 0 to 1";
        }
      default:
        return null;
    }
  }

  /** The X-Ray sampler reads only {@code endpoint}: the URL its API paths are appended to. */
  private static String xrayEntryProblem(String name, String value, RepairContext context) {
    if (!name.equals("endpoint")) {
      return null;
    }
    String problem = ValueChecks.endpointProblem(value, /* grpc= */ false);
    return problem == null ? null : "is " + problem;
  }

  private static String trustedCertificatesProblem(byte[] pem) {
    try {
      TlsUtil.trustManager(pem);
      return null;
    } catch (SSLException | RuntimeException e) {
      return "a file without a usable PEM certificate";
    }
  }

  private static String certificateChainProblem(byte[] pem) {
    String text = new String(pem, StandardCharsets.ISO_8859_1);
    return text.contains("-----BEGIN CERTIFICATE-----")
        ? null
        : "a file without a PEM certificate (-----BEGIN CERTIFICATE-----)";
  }

  private static String privateKeyProblem(byte[] pem) {
    String text = new String(pem, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    return text.contains("-----BEGIN PRIVATE KEY-----")
            || text.contains("-----BEGIN RSA PRIVATE KEY-----")
            || text.contains("-----BEGIN EC PRIVATE KEY-----")
        ? null
        : "a file without a PEM private key (-----BEGIN PRIVATE KEY-----)";
  }

  /** A directory that exists and can be written, or that can be created. */
  private static PropertyRule.Check writableDirectory() {
    return (key, value, context) -> {
      java.io.File directory = new java.io.File(value.trim()).getAbsoluteFile();
      java.io.File existing = directory;
      while (existing != null && !existing.exists()) {
        existing = existing.getParentFile();
      }
      if (existing == null || !existing.isDirectory()) {
        return Verdict.invalid("not a directory");
      }
      if (!existing.canWrite()) {
        return Verdict.invalid("a directory this process cannot write to");
      }
      return Verdict.valid();
    };
  }

  /** Bytes, with an optional unit (KB, MB, GB). */
  private static PropertyRule.Check byteSize() {
    return (key, value, context) ->
        DiskBufferingConfiguration.parseSize(value) != null
            ? Verdict.valid()
            : Verdict.invalid("not a size from 3MB to 6GB (bytes, or a number with KB, MB or GB)");
  }

  /** The pairs of client key and certificate keys, for the check that both or neither are set. */
  static Map<String, String> clientKeyCertificatePairs() {
    Map<String, String> pairs = new java.util.LinkedHashMap<>();
    for (String prefix : tlsPrefixes()) {
      pairs.put(prefix + "client.key", prefix + "client.certificate");
    }
    return pairs;
  }
}
