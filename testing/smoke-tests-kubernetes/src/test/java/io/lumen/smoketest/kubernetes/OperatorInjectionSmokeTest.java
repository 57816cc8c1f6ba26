package io.lumen.smoketest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.ExportRequest;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedMetric;
import io.lumen.testing.receiver.ReceivedSpan;
import io.lumen.testing.receiver.Signal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example Deployment admitted with the example Instrumentation exactly as the OpenTelemetry
 * Operator would: agent image copied by the init container, environment injected and expanded by
 * the kubelet, then the unmodified users service run with it. What reaches the node's collector
 * must carry the operator's resource attributes and follow its propagators and sampler.
 */
class OperatorInjectionSmokeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String POD_TEMPLATE_HASH = "5d9c7b8f4";
  private static final String POD_NAME = "users-service-5d9c7b8f4-k2x7q";
  private static final String POD_UID = "3f0c2f5e-9a51-4d7e-9c55-0b6b2f1d8a11";
  private static final String REPLICA_SET_UID = "9b1e4a7c-2d3f-4e5a-8b6c-7d8e9f0a1b2c";
  private static final String DEPLOYMENT_UID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String NODE_NAME = "worker-1";

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path directory;

  @Test
  void theOperatorsInjectionOfTheExampleInstrumentationJustWorks() throws Exception {
    Manifest instrumentation = Manifest.find("instrumentation.yaml", "Instrumentation", "lumen");
    Manifest deployment = Manifest.find("deployment.yaml", "Deployment", "users-service");
    PodAtAdmission pod =
        PodAtAdmission.fromDeployment(deployment, POD_TEMPLATE_HASH, REPLICA_SET_UID, DEPLOYMENT_UID);

    try (NodeLocalCollector collector = NodeLocalCollector.start()) {
      OtlpReceiver receiver = collector.receiver();
      Kubelet.RunningPod running =
          new Kubelet.RunningPod(POD_NAME, POD_UID, NODE_NAME, collector.nodeIp(), "127.0.0.1");
      InstrumentedPod instrumented =
          InstrumentedPod.admit(directory.resolve("pod"), instrumentation, pod, running);
      OperatorJavaInjection.Result injection = instrumented.injection();

      // The mutated pod spec, as `kubectl get pod -o yaml` would show it.
      assertThat(injection.agentMountPath()).isEqualTo("/otel-auto-instrumentation-java-users-service");
      assertThat(injection.initContainerCommand())
          .containsExactly("cp", "/javaagent.jar", "/otel-auto-instrumentation-java/javaagent.jar");
      assertThat(injection.volumeSizeLimit()).isEqualTo("200Mi");
      assertThat(injection.envNames())
          .containsExactly(
              "OTEL_NODE_IP",
              "OTEL_POD_IP",
              "JAVA_TOOL_OPTIONS",
              "OTEL_SERVICE_NAME",
              "OTEL_EXPORTER_OTLP_ENDPOINT",
              "OTEL_RESOURCE_ATTRIBUTES_POD_NAME",
              "OTEL_RESOURCE_ATTRIBUTES_POD_UID",
              "OTEL_RESOURCE_ATTRIBUTES_NODE_NAME",
              "OTEL_PROPAGATORS",
              "OTEL_TRACES_SAMPLER",
              "OTEL_TRACES_SAMPLER_ARG",
              "OTEL_RESOURCE_ATTRIBUTES");
      assertThat(injection.env("JAVA_TOOL_OPTIONS").value())
          .as("appended to the application's own options, with the operator's leading space")
          .isEqualTo(
              "-XX:MaxRAMPercentage=75"
                  + " -javaagent:/otel-auto-instrumentation-java-users-service/javaagent.jar");
      assertThat(injection.env("OTEL_EXPORTER_OTLP_ENDPOINT").value())
          .isEqualTo("http://$(OTEL_NODE_IP):4318");
      assertThat(injection.env("OTEL_RESOURCE_ATTRIBUTES").value())
          .isEqualTo(
              "k8s.container.name=users-service,k8s.deployment.name=users-service,"
                  + "k8s.deployment.uid=" + DEPLOYMENT_UID + ",k8s.namespace.name=demo,"
                  + "k8s.node.name=$(OTEL_RESOURCE_ATTRIBUTES_NODE_NAME),"
                  + "k8s.pod.name=$(OTEL_RESOURCE_ATTRIBUTES_POD_NAME),"
                  + "k8s.pod.uid=$(OTEL_RESOURCE_ATTRIBUTES_POD_UID),"
                  + "k8s.replicaset.name=users-service-" + POD_TEMPLATE_HASH + ","
                  + "k8s.replicaset.uid=" + REPLICA_SET_UID + ","
                  + "service.instance.id=demo.$(OTEL_RESOURCE_ATTRIBUTES_POD_NAME).users-service,"
                  + "service.namespace=demo,service.version=0.1.0");

      AgentImage image = AgentImage.build(directory);
      instrumented.runAgentInitContainer(image.root(), image.dockerfile().user());

      Map<String, String> environment = instrumented.environment();
      assertThat(environment)
          .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://" + collector.nodeIp() + ":4318")
          .containsEntry("OTEL_SERVICE_NAME", "users-service")
          .containsEntry("OTEL_PROPAGATORS", "tracecontext,baggage,b3")
          .containsEntry("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
          .containsEntry("OTEL_TRACES_SAMPLER_ARG", "1")
          .doesNotContainKey("OTEL_EXPORTER_OTLP_PROTOCOL");
      Map<String, String> expectedResource = new TreeMap<>(attributes(environment.get("OTEL_RESOURCE_ATTRIBUTES")));
      assertThat(expectedResource)
          .containsEntry("k8s.pod.name", POD_NAME)
          .containsEntry("k8s.pod.uid", POD_UID)
          .containsEntry("k8s.node.name", NODE_NAME)
          .containsEntry("service.instance.id", "demo." + POD_NAME + ".users-service");
      expectedResource.put("service.name", "users-service");

      try (OrdersServiceStub orders = OrdersServiceStub.start();
          ForkedJvm app = instrumented.start(Map.of("ORDERS_URL", orders.url()))) {
        int port = InstrumentedPod.awaitReady(app);

        // parentbased_traceidratio with ratio 1: every request without a parent is traced.
        for (int i = 0; i < 3; i++) {
          assertThat(get(port, "/users?limit=" + (i + 1), Map.of()).statusCode()).isEqualTo(200);
        }
        List<ReceivedSpan> roots =
            receiver.awaitSpans(span -> span.isRoot() && "GET".equals(span.attribute("http.request.method")), 3, TIMEOUT);
        assertThat(roots).hasSize(3);

        // b3 (single header) is one of the operator's propagators: the trace continues.
        String b3Trace = "80f198ee56343ba864fe8b2a57d3eff7";
        get(port, "/users/1", Map.of("b3", b3Trace + "-e457b5a2e4d86bd1-1"));
        ReceivedSpan b3Span = receiver.awaitSpan(span -> span.traceId().equals(b3Trace), TIMEOUT);
        assertThat(b3Span.parentSpanId()).isEqualTo("e457b5a2e4d86bd1");

        // W3C trace context too.
        String w3cTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        get(port, "/users/2", Map.of("traceparent", "00-" + w3cTrace + "-00f067aa0ba902b7-01"));
        ReceivedSpan w3cSpan = receiver.awaitSpan(span -> span.traceId().equals(w3cTrace), TIMEOUT);
        assertThat(w3cSpan.parentSpanId()).isEqualTo("00f067aa0ba902b7");

        // A call downstream carries every propagator's headers, naming the client span as parent:
        // traceparent and b3 (the trace came in as b3), and the caller's baggage.
        String downstreamTrace = "5b8aa5a2d2c872e8321cf37308d69df2";
        HttpResponse<String> ordersResponse =
            get(port, "/users/13/orders",
                Map.of("b3", downstreamTrace + "-051581bf3cb55c13-1", "baggage", "tenant=acme"));
        assertThat(ordersResponse.statusCode()).isEqualTo(200);
        assertThat(ordersResponse.body()).isEqualTo(OrdersServiceStub.ORDERS);
        ReceivedSpan ordersServer =
            receiver.awaitSpan(
                span -> span.traceId().equals(downstreamTrace) && span.kind() == ReceivedSpan.Kind.SERVER,
                TIMEOUT);
        ReceivedSpan ordersClient =
            receiver.awaitSpan(
                span -> span.traceId().equals(downstreamTrace) && span.kind() == ReceivedSpan.Kind.CLIENT,
                TIMEOUT);
        assertThat(ordersServer.parentSpanId()).isEqualTo("051581bf3cb55c13");
        assertThat(ordersClient.parentSpanId()).isEqualTo(ordersServer.spanId());
        OrdersServiceStub.Request downstream = orders.requestFor(13);
        assertThat(downstream.header("traceparent"))
            .isEqualTo("00-" + downstreamTrace + "-" + ordersClient.spanId() + "-01");
        assertThat(downstream.header("b3"))
            .isEqualTo(downstreamTrace + "-" + ordersClient.spanId() + "-1");
        assertThat(downstream.header("baggage")).isEqualTo("tenant=acme");

        // Parent-based: a caller that did not sample decides for this service too, in either
        // format, and the decision travels downstream in both formats.
        String unsampledTrace = "a3ce929d0e0e47364bf92f3577b34da6";
        get(port, "/users/3", Map.of("b3", unsampledTrace + "-0123456789abcdef-0"));
        String unsampledW3cTrace = "0af7651916cd43dd8448eb211c80319c";
        get(port, "/users/42/orders", Map.of("traceparent", "00-" + unsampledW3cTrace + "-b7ad6b7169203331-00"));
        OrdersServiceStub.Request unsampledDownstream = orders.requestFor(42);
        assertThat(unsampledDownstream.header("traceparent"))
            .startsWith("00-" + unsampledW3cTrace + "-")
            .endsWith("-00");
        assertThat(unsampledDownstream.header("b3"))
            .startsWith(unsampledW3cTrace + "-")
            .endsWith("-0");
        // Jaeger is not among the propagators: its header starts nothing.
        String jaegerTrace = "00000000000000000000000000abcdef";
        get(port, "/users/4", Map.of("uber-trace-id", "abcdef:0000000000000abc:0:1"));
        // Spans are exported in the order they end: once this one arrived, those above would have.
        get(port, "/users/5", Map.of());
        receiver.awaitSpan(span -> "/users/5".equals(span.attribute("url.path")), TIMEOUT);
        assertThat(receiver.spans(span -> span.traceId().equals(unsampledTrace))).isEmpty();
        assertThat(receiver.spans(span -> span.traceId().equals(unsampledW3cTrace))).isEmpty();
        ReceivedSpan afterJaegerHeader =
            receiver.awaitSpan(span -> "/users/4".equals(span.attribute("url.path")), TIMEOUT);
        assertThat(afterJaegerHeader.isRoot()).isTrue();
        assertThat(afterJaegerHeader.traceId()).isNotEqualTo(jaegerTrace);

        // The protocol was not set: port 4318 chose OTLP/HTTP (the log line about it is checked
        // in AgentStartupSmokeTest).
        assertThat(receiver.lastRequest(Signal.TRACES).map(ExportRequest::transport))
            .contains(ExportRequest.Transport.HTTP_PROTOBUF);
        assertThat(app.stderr())
            .contains(
                "Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -javaagent:"
                    + instrumented.agentVolume().resolve("javaagent.jar"));
        assertThat(app.stdout() + app.stderr())
            .as("the agent is on the bootstrap path from the start under the operator's file name")
            .doesNotContain("Sharing is only supported")
            .doesNotContain("could not be configured")
            .doesNotContain("Exception");

        // Stopping the pod flushes the log records and the metrics (the default interval is a
        // minute).
        app.close();
        List<ReceivedLogRecord> logs =
            receiver.awaitLogRecords(record -> record.scopeName().equals("users-service"), 10, TIMEOUT);

        // Each request's log line is in the span of its request.
        List<ReceivedSpan> servers = receiver.spans(span -> span.kind() == ReceivedSpan.Kind.SERVER);
        assertThat(servers).as("all but the two unsampled requests").hasSize(8);
        for (ReceivedSpan server : servers) {
          assertThat(logs)
              .as("the log line of " + server.attribute("url.path"))
              .filteredOn(record -> record.bodyAsString().startsWith("GET " + server.attribute("url.path")))
              .anySatisfy(record -> {
                assertThat(record.traceId()).isEqualTo(server.traceId());
                assertThat(record.spanId()).isEqualTo(server.spanId());
              });
        }
        assertThat(logs)
            .filteredOn(record -> record.bodyAsString().equals("GET /users/1 -> 404"))
            .singleElement()
            .satisfies(record -> {
              assertThat(record.traceId()).isEqualTo(b3Trace);
              assertThat(record.spanId()).isEqualTo(b3Span.spanId());
              assertThat(record.severityText()).isEqualTo("INFO");
            });
        // Not sampled, yet the log line names its trace: the caller's.
        assertThat(logs)
            .filteredOn(record -> record.bodyAsString().equals("GET /users/3 -> 404"))
            .singleElement()
            .satisfies(record -> assertThat(record.traceId()).isEqualTo(unsampledTrace));
      }

      ReceivedMetric duration = receiver.awaitMetric("http.server.request.duration", TIMEOUT);

      for (ReceivedSpan span : receiver.spans()) {
        assertResource(span.resourceAttributes(), expectedResource, "span " + span.name());
      }
      for (ReceivedMetric metric : receiver.metrics()) {
        assertResource(metric.resourceAttributes(), expectedResource, "metric " + metric.name());
      }
      assertResource(duration.resourceAttributes(), expectedResource, "metric " + duration.name());
      assertThat(receiver.logRecords()).isNotEmpty();
      for (ReceivedLogRecord record : receiver.logRecords()) {
        assertResource(record.resourceAttributes(), expectedResource, "log record " + record);
      }
      for (Signal signal : List.of(Signal.TRACES, Signal.METRICS, Signal.LOGS)) {
        assertThat(receiver.lastRequest(signal).map(ExportRequest::transport))
            .as(signal.toString())
            .contains(ExportRequest.Transport.HTTP_PROTOBUF);
      }
    }
  }

  /** The operator's attributes arrive with exactly its values; no other k8s.* attribute does. */
  private static void assertResource(
      Map<String, Object> resource, Map<String, String> expected, String what) {
    Map<String, Object> injected = new TreeMap<>();
    resource.forEach(
        (key, value) -> {
          if (expected.containsKey(key) || key.startsWith("k8s.")) {
            injected.put(key, value);
          }
        });
    assertThat(injected).as("resource of " + what).isEqualTo(new TreeMap<>(expected));
  }

  private static Map<String, String> attributes(String otelResourceAttributes) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String pair : otelResourceAttributes.split(",")) {
      int equals = pair.indexOf('=');
      attributes.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return attributes;
  }

  static HttpResponse<String> get(int port, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
