package io.lumen.smoketest.faultyadvice.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lumen.smoketest.faultyadvice.extension.AdviceWitness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.apache.commons.lang3.StringUtils;

/**
 * Changes the case of strings with commons-lang3, many times over, and knows nothing of any agent.
 *
 * <p>{@code batch}: calls {@code capitalize}, {@code uncapitalize} and {@code swapCase} on every
 * input {@value #ROUNDS} times from {@value #THREADS} threads, prints one {@code RESULT} line per
 * method and input (after checking that every round agreed), the {@code CALLS} made, and which
 * advice left a witness ({@code ADVICE}); then exits. {@code serve}: serves {@code
 * /capitalize?<text>} and prints {@code READY port=<n>}.
 */
public final class StringCaseApp {

  public static final int ROUNDS = 250;
  public static final int THREADS = 4;

  /** Inputs, with the edge cases of each method: null, empty, already cased, non-ASCII. */
  public static final List<String> INPUTS =
      Arrays.asList(
          null, "", "lumen", "Lumen", "LUMEN", "a", "élan", "ǆemal", "hello world", "123abc",
          " leading space", "mIxEd CaSe");

  private static final String[] METHODS = {"capitalize", "uncapitalize", "swapCase"};

  private StringCaseApp() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("batch")) {
      runBatch();
    } else if (args.length == 1 && args[0].equals("serve")) {
      serve();
    } else {
      throw new IllegalArgumentException("usage: StringCaseApp batch|serve");
    }
  }

  private static void runBatch() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<TreeMap<String, String>>> rounds = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        rounds.add(threads.submit(StringCaseApp::oneRound));
      }
      TreeMap<String, String> first = rounds.get(0).get();
      for (Future<TreeMap<String, String>> round : rounds) {
        if (!round.get().equals(first)) {
          throw new AssertionError("rounds disagree: " + first + " vs " + round.get());
        }
      }
      first.forEach((call, result) -> System.out.println("RESULT " + call + " -> " + result));
      System.out.println("CALLS " + ROUNDS * METHODS.length * INPUTS.size());
    } finally {
      threads.shutdown();
    }
    TreeMap<String, String> witnesses = new TreeMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith(AdviceWitness.PROPERTY_PREFIX)) {
                witnesses.put(
                    name.substring(AdviceWitness.PROPERTY_PREFIX.length()),
                    System.getProperty(name));
              }
            });
    System.out.println("ADVICE " + witnesses);
  }

  /** Every method on every input once: {@code method[input]} to {@code [result]}. */
  private static TreeMap<String, String> oneRound() {
    TreeMap<String, String> results = new TreeMap<>();
    for (String input : INPUTS) {
      record(results, "capitalize", input, StringUtils::capitalize);
      record(results, "uncapitalize", input, StringUtils::uncapitalize);
      record(results, "swapCase", input, StringUtils::swapCase);
    }
    return results;
  }

  private static void record(
      TreeMap<String, String> results, String method, String input, UnaryOperator<String> call) {
    results.put(method + describe(input), describe(call.apply(input)));
  }

  /**
   * {@code [text]}, with characters outside printable ASCII as Java Unicode escapes so that the
   * output does not depend on the console's encoding; {@code [null]} for null.
   */
  public static String describe(String text) {
    if (text == null) {
      return "[null]";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('[');
    for (char c : text.toCharArray()) {
      if (c >= ' ' && c <= '~') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append(']').toString();
  }

  private static void serve() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/capitalize",
        exchange -> respond(exchange, StringUtils.capitalize(exchange.getRequestURI().getQuery())));
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println("READY port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
