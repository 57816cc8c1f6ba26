package io.lumen.smoketest.support;

import io.lumen.testing.agent.TestLibraries;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars forked applications run with, at the versions the pom copies to {@code
 * target/test-libs} (and passes to the tests as {@code test.*.version} properties).
 */
public final class LibraryJars {

  private LibraryJars() {}

  /** The OpenTelemetry API an application creates its own spans with. */
  public static List<Path> openTelemetryApi() {
    return TestLibraries.jars(
        "io.opentelemetry:opentelemetry-api:" + version("otel.api"),
        "io.opentelemetry:opentelemetry-context:" + version("otel.api"),
        "io.opentelemetry:opentelemetry-common:" + version("otel.api"));
  }

  /** Jedis at the version in {@code test.jedis.<which>.version}, with what it needs to run. */
  public static List<Path> jedis(String which) {
    return TestLibraries.jars(
        "redis.clients:jedis:" + version("jedis." + which),
        "org.apache.commons:commons-pool2:" + version("commons-pool2"),
        "org.slf4j:slf4j-api:" + version("slf4j"),
        "com.google.code.gson:gson:" + version("gson"),
        "org.json:json:" + version("json"));
  }

  /**
   * Lettuce at the version in {@code test.lettuce.<which>.version}, with the Reactor of the same
   * {@code which} and Netty.
   */
  public static List<Path> lettuce(String which) {
    List<Path> jars = new java.util.ArrayList<>();
    jars.addAll(
        TestLibraries.jars(
            "io.lettuce:lettuce-core:" + version("lettuce." + which),
            "io.projectreactor:reactor-core:" + version("reactor." + which),
            "org.reactivestreams:reactive-streams:" + version("reactive-streams")));
    for (String netty :
        new String[] {
          "common", "buffer", "transport", "handler", "codec", "resolver",
          "transport-native-unix-common", "resolver-dns", "codec-dns"
        }) {
      jars.add(TestLibraries.jar("io.netty:netty-" + netty + ":" + version("netty")));
    }
    return jars;
  }

  /** gRPC Java at {@code test.grpc.<which>.version}, with its in-process transport and stubs. */
  public static List<Path> grpc(String which) {
    String grpc = version("grpc." + which);
    if (which.equals("oldest")) {
      // Before 1.20 the API and the in-process transport were part of grpc-core.
      return TestLibraries.jars(
          "io.grpc:grpc-core:" + grpc,
          "io.grpc:grpc-context:" + grpc,
          "io.grpc:grpc-stub:" + grpc,
          "com.google.guava:guava:" + version("guava.oldest"),
          "com.google.instrumentation:instrumentation-api:" + version("census-instrumentation"),
          "io.opencensus:opencensus-api:" + version("opencensus"));
    }
    return TestLibraries.jars(
        "io.grpc:grpc-api:" + grpc,
        "io.grpc:grpc-core:" + grpc,
        "io.grpc:grpc-context:" + grpc,
        "io.grpc:grpc-stub:" + grpc,
        "io.grpc:grpc-inprocess:" + grpc,
        "com.google.guava:guava:" + version("guava." + which),
        "com.google.guava:failureaccess:" + version("failureaccess"),
        "io.perfmark:perfmark-api:" + version("perfmark"));
  }

  /**
   * gRPC Java with its Netty transport, for {@code which} of {@code oldest} (1.6.1 with grpc-netty
   * and the Netty it was built with), {@code forwarding} (a release whose transport builders
   * forward to {@code ManagedChannelImplBuilder}, with grpc-netty-shaded) and {@code newest} (with
   * grpc-netty-shaded).
   */
  public static List<Path> grpcOverNetty(String which) {
    List<Path> jars = new java.util.ArrayList<>();
    if (which.equals("oldest")) {
      String grpc = version("grpc.oldest");
      jars.addAll(grpc("oldest"));
      jars.add(TestLibraries.jar("io.grpc:grpc-netty:" + grpc));
      for (String netty :
          new String[] {
            "codec-http2", "codec-http", "codec", "handler", "buffer", "transport", "common",
            "resolver", "handler-proxy", "codec-socks"
          }) {
        jars.add(TestLibraries.jar("io.netty:netty-" + netty + ":" + version("netty.grpc-oldest")));
      }
      return jars;
    }
    if (which.equals("forwarding")) {
      String grpc = version("grpc.forwarding");
      return TestLibraries.jars(
          "io.grpc:grpc-api:" + grpc,
          "io.grpc:grpc-core:" + grpc,
          "io.grpc:grpc-context:" + grpc,
          "io.grpc:grpc-stub:" + grpc,
          "io.grpc:grpc-netty-shaded:" + grpc,
          "com.google.guava:guava:" + version("guava.forwarding"),
          "com.google.guava:failureaccess:" + version("failureaccess.forwarding"),
          "io.perfmark:perfmark-api:" + version("perfmark.forwarding"),
          // grpc-core of this line parses service configs with Gson.
          "com.google.code.gson:gson:" + version("gson"));
    }
    String grpc = version("grpc." + which);
    jars.addAll(grpc(which));
    jars.addAll(
        TestLibraries.jars("io.grpc:grpc-netty-shaded:" + grpc, "io.grpc:grpc-util:" + grpc));
    return jars;
  }

  public static String version(String library) {
    String version = System.getProperty("test." + library + ".version");
    if (version == null) {
      throw new IllegalStateException(
          "test." + library + ".version is not set: run the tests through Maven");
    }
    return version;
  }
}
