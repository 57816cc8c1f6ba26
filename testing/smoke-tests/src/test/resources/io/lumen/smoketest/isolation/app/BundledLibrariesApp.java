package io.lumen.smoketest.isolation.app;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application that bundles its own releases of libraries the agent also uses (Byte Buddy,
 * OkHttp, protobuf, the OpenTelemetry API and SDK), in versions other than the agent's.
 *
 * <p>Compiled by the isolation smoke test against exactly those jars, and run with them as its
 * whole class path. It reports, one marker line each: where every library was loaded from
 * ({@code LIBRARY}), that each of them works ({@code FEATURE}), and what of the agent it can see
 * ({@code PROBE}); then it serves {@code /hello} and {@code /features} on the JDK's HTTP server and
 * prints {@code READY port=<n>}.
 *
 * <p>It builds its own OpenTelemetry SDK explicitly and never touches {@code GlobalOpenTelemetry}:
 * its telemetry is its own business, exported to an in-memory exporter.
 */
public final class BundledLibrariesApp {

  /** Agent classes that must stay hidden in the agent class loader. */
  private static final String[] AGENT_INTERNALS = {
    "io.lumen.agent.tooling.AgentInstaller",
    "io.lumen.agent.extension.InstrumentationModule",
    "io.lumen.sdk.LumenOpenTelemetry",
    "io.lumen.instrumentation.javahttpserver.agent.JavaHttpServerInstrumentationModule",
    "io.lumen.shaded.net.bytebuddy.ByteBuddy",
    "io.lumen.shaded.net.bytebuddy.jar.asm.ClassReader",
    "io.lumen.shaded.okhttp3.OkHttpClient",
    "io.lumen.shaded.okio.Buffer",
    "io.lumen.shaded.kotlin.Unit",
    "io.lumen.shaded.com.fasterxml.jackson.databind.ObjectMapper",
    "io.lumen.shaded.io.opentelemetry.sdk.OpenTelemetrySdk",
    "io.lumen.shaded.io.opentelemetry.sdk.trace.SdkTracerProvider",
    "io.lumen.shaded.io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter",
    "io.lumen.shaded.io.opentelemetry.instrumentation.api.instrumenter.Instrumenter",
  };

  /** What advice inlined into application classes needs: on the bootstrap class path. */
  private static final String[] AGENT_BOOTSTRAP = {
    "io.lumen.bootstrap.AgentLog", "io.lumen.shaded.io.opentelemetry.api.GlobalOpenTelemetry",
  };

  private BundledLibrariesApp() {}

  public static void main(String[] args) throws Exception {
    reportLibrary("byte-buddy", ByteBuddy.class, manifestVersion(ByteBuddy.class));
    reportLibrary("okhttp", OkHttpClient.class, okhttp3.internal.Version.userAgent());
    reportLibrary("protobuf", Struct.class, manifestVersion(Struct.class));
    reportLibrary(
        "opentelemetry-api", Span.class, Span.class.getPackage().getImplementationVersion());
    reportLibrary(
        "opentelemetry-sdk",
        SdkTracerProvider.class,
        Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.version")));

    probeAgentVisibility();

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
    server.createContext(
        "/features", exchange -> respond(exchange, 200, String.join("\n", features(null))));
    server.start();
    int port = server.getAddress().getPort();

    for (String feature : features(port)) {
      System.out.println(feature);
    }
    System.out.println("READY port=" + port);
    System.out.flush();
  }

  /** Exercises every bundled library; calls back its own server over OkHttp if given a port. */
  private static List<String> features(Integer port) throws IOException {
    List<String> result = new ArrayList<>();
    result.add("FEATURE byte-buddy " + generatedByByteBuddy());
    if (port != null) {
      result.add("FEATURE okhttp " + getWithOkHttp("http://127.0.0.1:" + port + "/hello"));
    }
    result.add("FEATURE protobuf " + protobufRoundTrip());
    result.add("FEATURE opentelemetry-sdk " + tracedWithOwnSdk());
    return result;
  }

  private static String generatedByByteBuddy() {
    // Class files for Java 8: this Byte Buddy release predates the JDK the test runs on.
    Class<?> generated =
        new ByteBuddy(ClassFileVersion.JAVA_V8)
            .subclass(Object.class)
            .name("io.lumen.smoketest.isolation.app.Generated")
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("generated-by-application-byte-buddy"))
            .make()
            .load(BundledLibrariesApp.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded();
    try {
      return generated.getDeclaredConstructor().newInstance().toString();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String getWithOkHttp(String url) throws IOException {
    OkHttpClient client = new OkHttpClient();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return "status=" + response.code() + " body=" + response.body().string();
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static String protobufRoundTrip() throws InvalidProtocolBufferException {
    Struct struct =
        Struct.newBuilder()
            .putFields("library", Value.newBuilder().setStringValue("protobuf").build())
            .putFields("major", Value.newBuilder().setNumberValue(3).build())
            .build();
    Timestamp timestamp = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5).build();
    Struct parsedStruct = Struct.parseFrom(struct.toByteArray());
    Timestamp parsedTimestamp = Timestamp.parseFrom(timestamp.toByteArray());
    return "library="
        + parsedStruct.getFieldsOrThrow("library").getStringValue()
        + " major="
        + (int) parsedStruct.getFieldsOrThrow("major").getNumberValue()
        + " seconds="
        + parsedTimestamp.getSeconds()
        + " nanos="
        + parsedTimestamp.getNanos()
        + " equal="
        + (parsedStruct.equals(struct) && parsedTimestamp.equals(timestamp));
  }

  /**
   * Builds a private SDK, records one span and reports what its exporter received: the span's
   * name, whether it is a root span, its trace id, and the service name of its resource.
   */
  private static String tracedWithOwnSdk() {
    InMemorySpanExporter exporter = new InMemorySpanExporter();
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            io.opentelemetry.api.common.Attributes.of(
                                AttributeKey.stringKey("service.name"), "bundled-libraries-app"))))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    try {
      Tracer tracer = sdk.getTracer("bundled-libraries-app");
      Span span = tracer.spanBuilder("application-work").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        Span.current().setAttribute("work.done", true);
      } finally {
        span.end();
      }
      tracerProvider.forceFlush();
      List<SpanData> spans = exporter.exported();
      StringBuilder report = new StringBuilder("exported=" + spans.size());
      for (SpanData data : spans) {
        report
            .append(" span=")
            .append(data.getName())
            .append(" root=")
            .append(!data.getParentSpanContext().isValid())
            .append(" trace=")
            .append(data.getTraceId())
            .append(" service=")
            .append(data.getResource().getAttribute(AttributeKey.stringKey("service.name")))
            .append(" attribute=")
            .append(data.getAttributes().get(AttributeKey.booleanKey("work.done")));
      }
      return report.toString();
    } finally {
      sdk.getSdkTracerProvider().shutdown();
    }
  }

  /** Reports which agent classes this application's class loader can load, and from where. */
  private static void probeAgentVisibility() {
    try {
      Class<?> byteBuddy = Class.forName("net.bytebuddy.ByteBuddy");
      System.out.println("PROBE forName net.bytebuddy.ByteBuddy jar=" + jarOf(byteBuddy));
    } catch (ClassNotFoundException e) {
      System.out.println("PROBE forName net.bytebuddy.ByteBuddy missing");
    }
    ClassLoader applicationLoader = BundledLibrariesApp.class.getClassLoader();
    for (String name : AGENT_INTERNALS) {
      System.out.println("PROBE internal " + name + " " + visibility(name, applicationLoader));
    }
    for (String name : AGENT_BOOTSTRAP) {
      System.out.println("PROBE bootstrap " + name + " " + visibility(name, applicationLoader));
    }
    String hidden = "inst/io/lumen/agent/tooling/AgentInstaller.classdata";
    URL resource = ClassLoader.getSystemClassLoader().getResource(hidden);
    System.out.println(
        "PROBE resource " + hidden + " " + (resource == null ? "missing" : "present"));
  }

  private static String visibility(String className, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, false, loader);
      return "loadable by="
          + (type.getClassLoader() == null ? "bootstrap" : type.getClassLoader().toString());
    } catch (ClassNotFoundException | LinkageError e) {
      return "not-loadable";
    }
  }

  private static void reportLibrary(String name, Class<?> type, String version) {
    System.out.println(
        "LIBRARY "
            + name
            + " version="
            + version
            + " class="
            + type.getName()
            + " loader="
            + (type.getClassLoader() == ClassLoader.getSystemClassLoader() ? "system" : "other")
            + " jar="
            + jarOf(type));
  }

  private static String jarOf(Class<?> type) {
    CodeSource codeSource = type.getProtectionDomain().getCodeSource();
    if (codeSource == null || codeSource.getLocation() == null) {
      return "unknown";
    }
    try {
      return new File(codeSource.getLocation().toURI()).getAbsolutePath();
    } catch (URISyntaxException e) {
      return codeSource.getLocation().toString();
    }
  }

  /** The release in the manifest of the jar {@code type} came from. */
  private static String manifestVersion(Class<?> type) throws IOException {
    try (JarFile jar = new JarFile(jarOf(type))) {
      Attributes attributes = jar.getManifest().getMainAttributes();
      String version = attributes.getValue("Implementation-Version");
      return version != null ? version : attributes.getValue("Bundle-Version");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Keeps what the application's own SDK exported, for the application to report. */
  private static final class InMemorySpanExporter implements SpanExporter {
    private final List<SpanData> exported = new ArrayList<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
      exported.addAll(spans);
      return CompletableResultCode.ofSuccess();
    }

    synchronized List<SpanData> exported() {
      return new ArrayList<>(exported);
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
