package io.lumen.smoketest.httpclient.apps;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The JDK's two clients: {@link HttpURLConnection} ({@code huc-*}) and {@link HttpClient} ({@code
 * jhc-*}).
 */
public final class JdkClientsApp extends ScenarioApp {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  public static void main(String[] args) throws Exception {
    new JdkClientsApp().start();
  }

  @Override
  protected void scenarios() throws Exception {
    run("huc-ok", () -> urlConnection("GET", url("/ok", "huc-ok"), 0, true));
    run("huc-not-found", () -> urlConnection("GET", url("/status/404", "huc-not-found"), 0, true));
    run(
        "huc-server-error",
        () -> urlConnection("GET", url("/status/500", "huc-server-error"), 0, false));
    run("huc-redirect", () -> urlConnection("GET", url("/redirect", "huc-redirect"), 0, true));
    run("huc-timeout", () -> urlConnection("GET", url("/slow", "huc-timeout"), 300, true));
    run("huc-refused", () -> urlConnection("GET", refusedUrl("huc-refused"), 0, true));
    run("huc-post", () -> urlConnection("POST", url("/echo", "huc-post"), 0, true));
    run(
        "huc-signed",
        () ->
            urlConnection(
                "GET", url("/ok?X-Amz-Signature=secret&token=abc&page=2", "huc-signed"), 0, true));

    run("jhc-ok", () -> send(request("GET", url("/ok", "jhc-ok")).header("X-Request-Id", "r-1")));
    run("jhc-not-found", () -> send(request("GET", url("/status/404", "jhc-not-found"))));
    run("jhc-server-error", () -> send(request("GET", url("/status/500", "jhc-server-error"))));
    run("jhc-redirect", () -> send(request("GET", url("/redirect", "jhc-redirect"))));
    run(
        "jhc-timeout",
        () -> send(request("GET", url("/slow", "jhc-timeout")).timeout(Duration.ofMillis(300))));
    run("jhc-refused", () -> send(request("GET", refusedUrl("jhc-refused"))));
    run("jhc-post", () -> send(request("POST", url("/echo", "jhc-post"))));
    run("jhc-async-ok", () -> sendAsync(request("GET", url("/ok", "jhc-async-ok"))));
    run(
        "jhc-async-not-found",
        () -> sendAsync(request("GET", url("/status/404", "jhc-async-not-found"))));
    run("jhc-async-refused", () -> sendAsync(request("GET", refusedUrl("jhc-async-refused"))));
  }

  /**
   * Reads the status like most code does: {@code getResponseCode()}, then the body from the input
   * stream; or, with {@code statusFirst} false, straight from the input stream, which throws for
   * 4xx and 5xx.
   */
  private static int urlConnection(
      String method, String url, int readTimeoutMillis, boolean statusFirst) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setRequestMethod(method);
    connection.setRequestProperty("X-Request-Id", "r-1");
    connection.setReadTimeout(readTimeoutMillis);
    if (method.equals("POST")) {
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write("body".getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      if (statusFirst) {
        int status = connection.getResponseCode();
        try (InputStream in =
            status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
          if (in != null) {
            in.readAllBytes();
          }
        }
        return status;
      }
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  private static HttpRequest.Builder request(String method, String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    return method.equals("POST")
        ? builder.POST(HttpRequest.BodyPublishers.ofString("body"))
        : builder.GET();
  }

  private int send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private int sendAsync(HttpRequest.Builder request) throws Exception {
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .get()
        .statusCode();
  }
}
