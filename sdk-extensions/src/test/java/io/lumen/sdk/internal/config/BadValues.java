package io.lumen.sdk.internal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The table of bad values: at least one for every documented key, each with what the warning must
 * say is used instead. Shared by the unit test of the repair and the end-to-end test of the SDK.
 */
public final class BadValues {

  private static final String notPem;
  private static final String notAFile;
  private static final String regularFile;

  static {
    try {
      Path files = Files.createTempDirectory("lumen-bad-values");
      files.toFile().deleteOnExit();
      Path garbage = files.resolve("garbage.pem");
      Files.write(garbage, "this is not a certificate".getBytes(StandardCharsets.UTF_8));
      garbage.toFile().deleteOnExit();
      notPem = garbage.toString();
      notAFile = files.resolve("missing/ca.pem").toString();
      Path plain = files.resolve("plain-file");
      Files.write(plain, new byte[] {1, 2, 3});
      plain.toFile().deleteOnExit();
      regularFile = plain.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BadValues() {}

  /** Key, bad value, other keys it needs (key=value;...), and what the warning says is used. */
  public static Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // General and resource.
    rows.add(bad("otel.sdk.disabled", "yes").fallsBackTo("false"));
    rows.add(bad("otel.config.file", "/etc/otel/config.yaml").fallsBackTo("none"));
    rows.add(bad("otel.resource.attributes", "no-equals-sign").fallsBackTo("none"));
    rows.add(bad("otel.resource.attributes", "team=checkout,broken,=x").isRepairedTo("team=checkout"));
    rows.add(
        bad("otel.instrumentation.resources.experimental.process-command-attributes.enabled", "1")
            .fallsBackTo("false"));
    rows.add(bad("otel.experimental.sdk.telemetry.version", "newest").fallsBackTo("latest"));
    // Exporters.
    for (String signal : PropertyRules.SIGNALS) {
      rows.add(bad("otel." + signal + ".exporter", "zipkin2000").fallsBackTo("otlp"));
      rows.add(bad("otel." + signal + ".exporter", "otlp,bogus").isRepairedTo("otlp"));
      rows.add(bad("otel." + signal + ".exporter", "none,otlp").isRepairedTo("otlp"));
      rows.add(bad("otel." + signal + ".exporter", "otlp,otlp").isRepairedTo("otlp"));
    }
    rows.add(bad("otel.exporter.otlp.protocol", "http/json").fallsBackTo("grpc"));
    rows.add(
        bad("otel.exporter.otlp.protocol", "udp")
            .with("otel.exporter.otlp.endpoint=http://collector:4318")
            .fallsBackTo("http/protobuf"));
    rows.add(bad("otel.exporter.otlp.protocol", "grpc ").isRepairedTo("grpc"));
    rows.add(bad("otel.exporter.otlp.endpoint", "not a url").fallsBackTo("http://localhost:4317"));
    rows.add(bad("otel.exporter.otlp.endpoint", "ftp://collector:4317").fallsBackTo("4317"));
    rows.add(bad("otel.exporter.otlp.endpoint", "http://").fallsBackTo("4317"));
    rows.add(bad("otel.exporter.otlp.endpoint", "http://collector:4317/otlp").fallsBackTo("4317"));
    rows.add(bad("otel.exporter.otlp.endpoint", "http://collector:4317?x=1").fallsBackTo("4317"));
    rows.add(bad("otel.exporter.otlp.endpoint", "http://collector:99999").fallsBackTo("4317"));
    for (String signal : PropertyRules.SIGNALS) {
      String otlp = "otel.exporter.otlp." + signal + ".";
      rows.add(bad(otlp + "protocol", "grpc2").fallsBackTo("otel.exporter.otlp.protocol"));
      rows.add(bad(otlp + "endpoint", "::::").fallsBackTo("otel.exporter.otlp.endpoint"));
      rows.add(bad(otlp + "headers", "authorization").fallsBackTo("otel.exporter.otlp.headers"));
      rows.add(bad(otlp + "compression", "zip").fallsBackTo("otel.exporter.otlp.compression"));
      rows.add(bad(otlp + "timeout", "-5").fallsBackTo("otel.exporter.otlp.timeout"));
      rows.add(bad(otlp + "certificate", notAFile).fallsBackTo("the general key"));
      rows.add(bad(otlp + "client.key", notPem).fallsBackTo("the general key"));
      rows.add(bad(otlp + "client.certificate", notPem).fallsBackTo("the general key"));
    }
    rows.add(bad("otel.exporter.otlp.headers", "authorization").fallsBackTo("none"));
    rows.add(bad("otel.exporter.otlp.headers", "api-key=secret%zz").fallsBackTo("none"));
    rows.add(bad("otel.exporter.otlp.headers", "bad name=1").fallsBackTo("none"));
    rows.add(bad("otel.exporter.otlp.headers", "api-key=line%0Abreak").fallsBackTo("none"));
    rows.add(
        bad("otel.exporter.otlp.headers", "authorization=Bearer%20ok,x-api-key")
            .isRepairedTo("authorization=Bearer%20ok"));
    rows.add(bad("otel.lumen.exporter.otlp.headers.file", notAFile).fallsBackTo("none"));
    rows.add(bad("otel.exporter.otlp.compression", "brotli").fallsBackTo("none"));
    rows.add(bad("otel.exporter.otlp.timeout", "-5").fallsBackTo("10000 ms"));
    rows.add(bad("otel.exporter.otlp.timeout", "ten seconds").fallsBackTo("10000 ms"));
    rows.add(bad("otel.exporter.otlp.timeout", "5lightyears").fallsBackTo("10000 ms"));
    rows.add(bad("otel.exporter.otlp.certificate", notAFile).fallsBackTo("the system trust store"));
    rows.add(bad("otel.exporter.otlp.certificate", notPem).fallsBackTo("the system trust store"));
    rows.add(bad("otel.exporter.otlp.client.key", notAFile).fallsBackTo("none"));
    rows.add(bad("otel.exporter.otlp.client.certificate", notPem).fallsBackTo("none"));
    rows.add(bad("otel.java.exporter.otlp.retry.disabled", "sometimes").fallsBackTo("false"));
    rows.add(bad("otel.java.exporter.memory_mode", "huge").fallsBackTo("the exporter's default"));
    rows.add(
        bad("otel.exporter.otlp.metrics.temporality.preference", "weekly")
            .fallsBackTo("cumulative"));
    rows.add(
        bad("otel.exporter.otlp.metrics.default.histogram.aggregation", "buckets")
            .fallsBackTo("explicit_bucket_histogram"));
    // Batching, metric reading, limits.
    for (String processor : new String[] {"bsp", "blrp"}) {
      String delay = processor.equals("bsp") ? "5000 ms" : "1000 ms";
      rows.add(bad("otel." + processor + ".schedule.delay", "-1").fallsBackTo(delay));
      rows.add(bad("otel." + processor + ".schedule.delay", "soon").fallsBackTo(delay));
      rows.add(bad("otel." + processor + ".max.queue.size", "0").fallsBackTo("2048"));
      rows.add(bad("otel." + processor + ".max.queue.size", "-5").fallsBackTo("2048"));
      rows.add(bad("otel." + processor + ".max.queue.size", "2147483647").fallsBackTo("2048"));
      rows.add(bad("otel." + processor + ".max.queue.size", "lots").fallsBackTo("2048"));
      rows.add(bad("otel." + processor + ".max.export.batch.size", "0").fallsBackTo("512"));
      rows.add(bad("otel." + processor + ".export.timeout", "-1s").fallsBackTo("30000 ms"));
    }
    rows.add(bad("otel.metric.export.interval", "0").fallsBackTo("60000 ms"));
    rows.add(bad("otel.metric.export.interval", "often").fallsBackTo("60000 ms"));
    rows.add(bad("otel.metric.export.timeout", "-1").fallsBackTo("30000 ms"));
    rows.add(bad("otel.metrics.exemplar.filter", "sometimes").fallsBackTo("trace_based"));
    rows.add(bad("otel.java.metrics.cardinality.limit", "0").fallsBackTo("2000"));
    rows.add(bad("otel.attribute.value.length.limit", "-1").fallsBackTo("no limit"));
    rows.add(bad("otel.attribute.count.limit", "many").fallsBackTo("128"));
    rows.add(bad("otel.span.attribute.value.length.limit", "-1").fallsBackTo("otel.attribute"));
    rows.add(bad("otel.span.attribute.count.limit", "-1").fallsBackTo("otel.attribute"));
    rows.add(bad("otel.span.event.count.limit", "1.5").fallsBackTo("128"));
    rows.add(bad("otel.span.link.count.limit", "-7").fallsBackTo("128"));
    // Sampling and propagation.
    rows.add(bad("otel.traces.sampler", "random").fallsBackTo("parentbased_always_on"));
    rows.add(
        bad("otel.traces.sampler.arg", "2.0").with("otel.traces.sampler=traceidratio")
            .fallsBackTo("1.0"));
    rows.add(
        bad("otel.traces.sampler.arg", "half").with("otel.traces.sampler=parentbased_traceidratio")
            .fallsBackTo("1.0"));
    rows.add(
        bad("otel.traces.sampler.arg", "1.5").with("otel.traces.sampler=consistent_probability")
            .fallsBackTo("1.0"));
    rows.add(
        bad("otel.traces.sampler.arg", "0").with("otel.traces.sampler=rate_limiting")
            .fallsBackTo("10"));
    rows.add(
        bad("otel.traces.sampler.arg", "endpoint=nope,pollingIntervalMs=-5")
            .with("otel.traces.sampler=jaeger_remote")
            .fallsBackTo("endpoint=http://localhost:14250"));
    rows.add(
        bad("otel.traces.sampler.arg", "endpoint=localhost:2000")
            .with("otel.traces.sampler=xray")
            .fallsBackTo("endpoint=http://localhost:2000"));
    rows.add(bad("otel.propagators", "w3c").fallsBackTo("tracecontext,baggage"));
    rows.add(bad("otel.propagators", "tracecontext,bogus").isRepairedTo("tracecontext"));
    rows.add(bad("otel.propagators", "none,b3").isRepairedTo("b3"));
    // Lumen's own keys.
    rows.add(bad("otel.lumen.redaction.enabled", "on").fallsBackTo("true"));
    rows.add(bad("otel.lumen.shutdown.timeout", "0").fallsBackTo("10 s"));
    rows.add(bad("otel.lumen.shutdown.timeout", "forever").fallsBackTo("10 s"));
    rows.add(bad("otel.lumen.disk-buffering.enabled", "yes").fallsBackTo("false"));
    rows.add(bad("otel.lumen.disk-buffering.directory", regularFile).fallsBackTo("lumen-disk-buffer"));
    rows.add(bad("otel.lumen.disk-buffering.max-size", "huge").fallsBackTo("60MB"));
    rows.add(bad("otel.lumen.disk-buffering.max-size", "1KB").fallsBackTo("60MB"));
    rows.add(bad("otel.lumen.disk-buffering.max-size", "999GB").fallsBackTo("60MB"));
    rows.add(bad("otel.lumen.disk-buffering.max-age", "0").fallsBackTo("6 h"));
    // The agent's keys.
    rows.add(bad("otel.javaagent.enabled", "maybe").fallsBackTo("true"));
    rows.add(bad("otel.javaagent.debug", "verbose").fallsBackTo("false"));
    rows.add(bad("otel.instrumentation.common.default-enabled", "perhaps").fallsBackTo("true"));
    rows.add(
        bad("otel.instrumentation.java-http-server.enabled", "nope")
            .fallsBackTo("the module's default"));
    rows.add(bad("otel.someextension.feature.enabled", "2").fallsBackTo("its default"));
    rows.add(
        bad("otel.instrumentation.runtime-telemetry.emit-experimental-telemetry", "sure")
            .fallsBackTo("false"));
    rows.add(bad("otel.instrumentation.logs.minimum-level", "LOUD").fallsBackTo("every level"));
    rows.add(bad("otel.instrumentation.logback.minimum-level", "5").fallsBackTo("every level"));
    rows.add(
        bad("otel.instrumentation.logs.capture-mdc-attributes", "yes").fallsBackTo("false"));
    rows.add(
        bad("otel.instrumentation.messaging.receive-span-kind", "server").fallsBackTo("consumer"));
    return rows.stream();
  }

  /** Keys whose every value is usable: documented, and left alone whatever they hold. */
  public static final Set<String> FREE_FORM =
      Set.of(
          "otel.service.name",
          "otel.resource.disabled.keys",
          "otel.java.disabled.resource.providers",
          "otel.java.enabled.resource.providers",
          "otel.traces.sampler.rules",
          "otel.lumen.redaction.keys",
          "otel.lumen.redaction.additional-keys",
          "otel.lumen.redaction.url-keys",
          "otel.lumen.redaction.query-keys",
          "otel.lumen.redaction.query-parameters",
          "otel.lumen.redaction.additional-query-parameters",
          "otel.javaagent.extensions",
          "otel.instrumentation.http.server.capture-request-headers",
          "otel.instrumentation.http.server.capture-response-headers",
          "otel.instrumentation.http.client.capture-request-headers",
          "otel.instrumentation.http.client.capture-response-headers",
          "otel.semconv-stability.opt-in",
          "otel.instrumentation.http.known-methods",
          "otel.instrumentation.http.client.sensitive-query-parameters",
          "otel.instrumentation.messaging.experimental.capture-headers",
          "otel.instrumentation.executors.include",
          "otel.instrumentation.methods.include",
          "otel.instrumentation.common.logging.trace-id",
          "otel.instrumentation.common.logging.span-id",
          "otel.instrumentation.common.logging.trace-flags");

  static Row bad(String key, String value) {
    return new Row(key, value);
  }

  /** One row: a key, a bad value, keys it needs, and what the warning says is used. */
  public static final class Row {
    public final String key;
    public final String value;
    public final Map<String, String> others = new HashMap<>();
    public String expected;
    public String repairedTo;

    Row(String key, String value) {
      this.key = key;
      this.value = value;
    }

    Row with(String keyEqualsValue) {
      int equals = keyEqualsValue.indexOf('=');
      others.put(keyEqualsValue.substring(0, equals), keyEqualsValue.substring(equals + 1));
      return this;
    }

    Row fallsBackTo(String defaultText) {
      this.expected = defaultText;
      return this;
    }

    Row isRepairedTo(String replacement) {
      this.repairedTo = replacement;
      this.expected = key.endsWith("headers") ? "Using the other entries" : replacement;
      return this;
    }

    @Override
    public String toString() {
      return key + "=" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
          + (others.isEmpty() ? "" : " with " + others);
    }
  }
}
