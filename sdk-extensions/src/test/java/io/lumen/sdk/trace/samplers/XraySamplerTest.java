package io.lumen.sdk.trace.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.lumen.testing.receiver.XraySamplingEndpoint;
import io.lumen.testing.receiver.XraySamplingEndpoint.Api;
import io.lumen.testing.receiver.XraySamplingEndpoint.Rule;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.traces.sampler=xray}: the X-Ray remote sampler of opentelemetry-aws-xray, polling the
 * sampling endpoint named by {@code otel.traces.sampler.arg}. It starts at once with its initial
 * sampler (parent-based: one trace a second, then 5%) and switches to the endpoint's rules once
 * they arrive.
 */
class XraySamplerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final SamplingHarness harness = new SamplingHarness();
  private final List<LumenOpenTelemetrySdk> sdks = new ArrayList<>();

  @AfterEach
  void closeSdks() {
    sdks.forEach(LumenOpenTelemetrySdk::close);
  }

  @Test
  void appliesTheRulesOfItsSamplingEndpointForThisService() throws Exception {
    try (XraySamplingEndpoint xray =
        XraySamplingEndpoint.start(
            List.of(
                Rule.matchingEverything("users-by-id", 1, 1.0)
                    .forService("users-*")
                    .withAttribute("url.path", "/users/*"),
                Rule.matchingEverything("orders-service", 2, 1.0).forService("orders"),
                Rule.matchingEverything("Default", 10000, 0.0)))) {
      Sampler sampler = xraySampler("users-service", "endpoint=" + xray.endpoint());

      xray.awaitRequest(Api.GET_SAMPLING_RULES, TIMEOUT);
      awaitDescription(sampler, description -> description.contains("XrayRulesSampler"));

      assertThat(sampledRoots(sampler, Attributes.of(UrlAttributes.URL_PATH, "/users/42")))
          .as("users-by-id: rate 1")
          .isEqualTo(1000);
      assertThat(sampledRoots(sampler, Attributes.of(UrlAttributes.URL_PATH, "/health")))
          .as("Default: rate 0")
          .isZero();
      // The rule for another service is not this one's.
      assertThat(sampledRoots(sampler, Attributes.of(UrlAttributes.URL_PATH, "/orders"))).isZero();
      // Parent-based: a sampled caller decides, whatever the rules.
      assertThat(
              SamplingHarness.isSampled(
                  harness.child(
                      sampler, true, "GET", SpanKind.SERVER, Attributes.of(UrlAttributes.URL_PATH, "/health"))))
          .isTrue();
      assertThat(
              SamplingHarness.isSampled(
                  harness.child(
                      sampler, false, "GET", SpanKind.SERVER, Attributes.of(UrlAttributes.URL_PATH, "/users/42"))))
          .isFalse();
    }
  }

  /**
   * Rules name requests by URL path, method and host, which the X-Ray sampler reads from the HTTP
   * attribute names before the stable conventions; Lumen's spans have the stable ones.
   */
  @Test
  void rulesMatchRequestsByUrlPathMethodAndHostOfTheStableConventions() throws Exception {
    try (XraySamplingEndpoint xray =
        XraySamplingEndpoint.start(
            List.of(
                Rule.matchingEverything("user-reads", 1, 1.0)
                    .forRequests("GET", "users.example.com", "/users/*"),
                Rule.matchingEverything("Default", 10000, 0.0)))) {
      Sampler sampler = xraySampler("users-service", "endpoint=" + xray.endpoint());
      awaitDescription(sampler, description -> description.contains("XrayRulesSampler"));

      assertThat(sampledRoots(sampler, request("GET", "users.example.com", "/users/42", "full=1")))
          .isEqualTo(1000);
      assertThat(sampledRoots(sampler, request("DELETE", "users.example.com", "/users/42", null)))
          .isZero();
      assertThat(sampledRoots(sampler, request("GET", "orders.example.com", "/users/42", null)))
          .isZero();
      assertThat(sampledRoots(sampler, request("GET", "users.example.com", "/health", null)))
          .isZero();
      // A client span has the whole URL instead of a path.
      assertThat(
              sampledRoots(
                  sampler,
                  Attributes.builder()
                      .put(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
                      .put(ServerAttributes.SERVER_ADDRESS, "users.example.com")
                      .put(UrlAttributes.URL_FULL, "https://users.example.com/users/7")
                      .build()))
          .isEqualTo(1000);
    }
  }

  @Test
  void withoutAnEndpointSamplesWithItsInitialSamplerAndSaysNothingAboveDebug() throws Exception {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = capture(records);
    Logger root = Logger.getLogger("");
    Logger xrayLogger = Logger.getLogger("io.opentelemetry.contrib.awsxray");
    Level xrayLevel = xrayLogger.getLevel();
    root.addHandler(handler);
    xrayLogger.setLevel(Level.FINE);
    try {
      Sampler sampler = xraySampler("users-service", "endpoint=" + closedPort());

      // The first poll fails (connection refused), at debug level only.
      awaitRecord(records, record -> record.getMessage().contains("Failed to update sampler"));
      assertThat(sampler.getDescription())
          .startsWith(
              "XrayHttpAttributesSampler{AwsXrayRemoteSampler{ParentBased{root:OrElse{"
                  + "first:RateLimitingSampler{1}");
      assertThat(
              SamplingHarness.isSampled(
                  harness.root(sampler, "GET", SpanKind.SERVER, Attributes.of(UrlAttributes.URL_PATH, "/users/1"))))
          .as("the first trace of the second")
          .isTrue();
      synchronized (records) {
        assertThat(records)
            .filteredOn(record -> record.getLevel().intValue() > Level.FINE.intValue())
            .extracting(LogRecord::getMessage)
            .isEmpty();
      }
    } finally {
      root.removeHandler(handler);
      xrayLogger.setLevel(xrayLevel);
    }
  }

  private int sampledRoots(Sampler sampler, Attributes attributes) {
    return harness.sampledRoots(sampler, 1000, "GET", SpanKind.SERVER, attributes);
  }

  /** A server span's attributes at start, as Lumen's HTTP server instrumentations set them. */
  private static Attributes request(String method, String host, String path, String query) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(HttpAttributes.HTTP_REQUEST_METHOD, method)
            .put(ServerAttributes.SERVER_ADDRESS, host)
            .put(UrlAttributes.URL_PATH, path);
    if (query != null) {
      attributes.put(UrlAttributes.URL_QUERY, query);
    }
    return attributes.build();
  }

  private Sampler xraySampler(String serviceName, String argument) {
    AtomicReference<Sampler> sampler = new AtomicReference<>();
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.service.name", serviceName);
    properties.put("otel.traces.sampler", "xray");
    properties.put("otel.traces.sampler.arg", argument);
    properties.put("otel.traces.exporter", "none");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    sdks.add(
        LumenOpenTelemetry.builder()
            .setShutdownHookEnabled(false)
            .addPropertiesSupplier(() -> properties)
            .addCustomizer(
                customizer ->
                    customizer.addSamplerCustomizer(
                        (configured, config) -> {
                          sampler.set(configured);
                          return configured;
                        }))
            .build());
    return sampler.get();
  }

  private static void awaitDescription(Sampler sampler, Predicate<String> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.test(sampler.getDescription())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sampler is still " + sampler.getDescription());
      }
      Thread.sleep(10);
    }
  }

  private static void awaitRecord(List<LogRecord> records, Predicate<LogRecord> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      synchronized (records) {
        if (records.stream().anyMatch(condition)) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not logged; logged: " + records);
      }
      Thread.sleep(10);
    }
  }

  /** Everything of {@code io.opentelemetry.contrib.awsxray} and everything above DEBUG. */
  private static Handler capture(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLoggerName() != null
                && record.getLoggerName().startsWith("io.opentelemetry.contrib.awsxray")
            || record.getLevel().intValue() > Level.FINE.intValue()) {
          synchronized (records) {
            records.add(record);
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  /** An endpoint on a port nothing listens on: connections are refused. */
  private static String closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
