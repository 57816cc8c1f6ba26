package io.lumen.testing.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The AWS X-Ray sampling API as a collector serves it to {@code xray} samplers (the
 * OpenTelemetry Collector's {@code awsproxy} extension, or the X-Ray daemon, on port 2000): {@code
 * POST /GetSamplingRules} answers with the rules given here, {@code POST /SamplingTargets} with
 * each rule's fixed rate and no reservoir quota. Every request body is kept, so a test can see
 * that a sampler polled and which rules it applied: a sampler asks for targets only for rules it
 * has put in place, and names them.
 *
 * <pre>{@code
 * try (XraySamplingEndpoint xray = XraySamplingEndpoint.start(List.of(
 *     Rule.matchingEverything("checkout", 1, 1.0).forRequests("POST", "*", "/checkout"),
 *     Rule.matchingEverything("Default", 10000, 0.0)))) {
 *   // otel.traces.sampler=xray, otel.traces.sampler.arg=endpoint=<xray.endpoint()>
 *   String statistics = xray.awaitRequest(XraySamplingEndpoint.Api.SAMPLING_TARGETS, timeout);
 * }
 * }</pre>
 */
public final class XraySamplingEndpoint implements AutoCloseable {

  /** The two calls of the sampling API. */
  public enum Api {
    GET_SAMPLING_RULES("/GetSamplingRules"),
    SAMPLING_TARGETS("/SamplingTargets");

    private final String path;

    Api(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /**
   * A sampling rule: requests to services matching {@code serviceName}, with a method, host and
   * URL path matching {@code httpMethod}, {@code host} and {@code urlPath}, and attributes matching
   * every entry of {@code attributes} are sampled at {@code fixedRate}. Patterns are X-Ray globs
   * ({@code *} and {@code ?}). Its reservoir is 0: no per-second quota is sampled first. The
   * lowest {@code priority} that matches decides.
   */
  public record Rule(
      String name,
      int priority,
      double fixedRate,
      String serviceName,
      String httpMethod,
      String host,
      String urlPath,
      Map<String, String> attributes) {

    public Rule {
      attributes = Map.copyOf(attributes);
    }

    /** A rule for every service and request, as X-Ray's own {@code Default} rule is. */
    public static Rule matchingEverything(String name, int priority, double fixedRate) {
      return new Rule(name, priority, fixedRate, "*", "*", "*", "*", Map.of());
    }

    /** The same rule, for the services matching {@code glob} only. */
    public Rule forService(String glob) {
      return new Rule(name, priority, fixedRate, glob, httpMethod, host, urlPath, attributes);
    }

    /** The same rule, for requests matching the method, host and URL path patterns only. */
    public Rule forRequests(String methodGlob, String hostGlob, String urlPathGlob) {
      return new Rule(
          name, priority, fixedRate, serviceName, methodGlob, hostGlob, urlPathGlob, attributes);
    }

    /** The same rule, for spans whose attribute {@code key} matches {@code glob} only. */
    public Rule withAttribute(String key, String glob) {
      Map<String, String> more = new LinkedHashMap<>(attributes);
      more.put(key, glob);
      return new Rule(name, priority, fixedRate, serviceName, httpMethod, host, urlPath, more);
    }

    private String toJson() {
      String attributeJson =
          attributes.entrySet().stream()
              .map(entry -> string(entry.getKey()) + ":" + string(entry.getValue()))
              .collect(Collectors.joining(",", "{", "}"));
      return "{\"SamplingRule\":{"
          + "\"RuleName\":" + string(name)
          + ",\"RuleARN\":" + string("arn:aws:xray:us-east-1:123456789012:sampling-rule/" + name)
          + ",\"ResourceARN\":\"*\""
          + ",\"Priority\":" + priority
          + ",\"FixedRate\":" + fixedRate
          + ",\"ReservoirSize\":0"
          + ",\"ServiceName\":" + string(serviceName)
          + ",\"ServiceType\":\"*\""
          + ",\"Host\":" + string(host)
          + ",\"HTTPMethod\":" + string(httpMethod)
          + ",\"URLPath\":" + string(urlPath)
          + ",\"Version\":1"
          + ",\"Attributes\":" + attributeJson
          + "},\"CreatedAt\":" + RULES_MODIFIED_AT + ",\"ModifiedAt\":" + RULES_MODIFIED_AT + "}";
    }

    private String targetJson() {
      return "{\"RuleName\":" + string(name) + ",\"FixedRate\":" + fixedRate + ",\"Interval\":10}";
    }
  }

  /** When the rules last changed, in X-Ray's epoch seconds; any fixed time in the past will do. */
  private static final String RULES_MODIFIED_AT = "1.7E9";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Api, List<String>> requests = new LinkedHashMap<>();

  private XraySamplingEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    for (Api api : Api.values()) {
      requests.put(api, new ArrayList<>());
    }
  }

  /** Serves {@code rules} on a free port of 127.0.0.1. */
  public static XraySamplingEndpoint start(List<Rule> rules) {
    String rulesResponse =
        rules.stream().map(Rule::toJson).collect(Collectors.joining(",", "{\"SamplingRuleRecords\":[", "]}"));
    String targetsResponse =
        rules.stream()
            .map(Rule::targetJson)
            .collect(
                Collectors.joining(
                    ",",
                    "{\"LastRuleModification\":" + RULES_MODIFIED_AT + ",\"SamplingTargetDocuments\":[",
                    "],\"UnprocessedStatistics\":[]}"));
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "xray-sampling-endpoint");
              thread.setDaemon(true);
              return thread;
            });
    XraySamplingEndpoint endpoint = new XraySamplingEndpoint(server, executor);
    server.createContext(Api.GET_SAMPLING_RULES.path(), exchange ->
        endpoint.answer(exchange, Api.GET_SAMPLING_RULES, rulesResponse));
    server.createContext(Api.SAMPLING_TARGETS.path(), exchange ->
        endpoint.answer(exchange, Api.SAMPLING_TARGETS, targetsResponse));
    server.setExecutor(executor);
    server.start();
    return endpoint;
  }

  /** What the sampler argument names: {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The bodies of the requests to {@code api} so far, in order. */
  public synchronized List<String> requests(Api api) {
    return List.copyOf(requests.get(api));
  }

  /**
   * Waits for the first request to {@code api} and returns its body.
   *
   * @throws AssertionError if none came within {@code timeout}
   */
  public synchronized String awaitRequest(Api api, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.get(api).isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no " + api.path() + " request within " + timeout + "; received: " + requests);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return requests.get(api).get(0);
  }

  private void answer(HttpExchange exchange, Api api, String json) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      synchronized (this) {
        requests.get(api).add(body);
        notifyAll();
      }
      byte[] response = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private static String string(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "XraySamplingEndpoint{" + endpoint() + "}";
  }
}
