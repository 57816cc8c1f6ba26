package io.lumen.smoketest.httpclient.apps;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequests;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, classic ({@code a5-*}) and async ({@code a5-async-*}); compiled against 5.0
 * and run with 5.0 and 5.6.
 */
public final class ApacheHttpClient5App extends ScenarioApp {

  public static void main(String[] args) throws Exception {
    new ApacheHttpClient5App().start();
  }

  @Override
  protected void scenarios() throws Exception {
    try (CloseableHttpClient client = HttpClients.createDefault();
        CloseableHttpClient impatient =
            HttpClients.custom()
                .setDefaultRequestConfig(
                    RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(300)).build())
                .build();
        CloseableHttpAsyncClient async = HttpAsyncClients.createDefault()) {
      run("a5-ok", () -> execute(client, get(url("/ok", "a5-ok"), true)));
      run("a5-not-found", () -> execute(client, get(url("/status/404", "a5-not-found"), false)));
      run(
          "a5-server-error",
          () -> execute(client, get(url("/status/500", "a5-server-error"), false)));
      run("a5-redirect", () -> execute(client, get(url("/redirect", "a5-redirect"), false)));
      run("a5-timeout", () -> execute(impatient, get(url("/slow", "a5-timeout"), false)));
      run("a5-refused", () -> execute(client, get(refusedUrl("a5-refused"), false)));

      async.start();
      run("a5-async-ok", () -> execute(async, url("/ok", "a5-async-ok")));
      run("a5-async-not-found", () -> execute(async, url("/status/404", "a5-async-not-found")));
      run("a5-async-redirect", () -> execute(async, url("/redirect", "a5-async-redirect")));
      run("a5-async-refused", () -> execute(async, refusedUrl("a5-async-refused")));
    }
  }

  private static HttpGet get(String url, boolean withRequestId) {
    HttpGet get = new HttpGet(url);
    if (withRequestId) {
      get.setHeader("X-Request-Id", "r-1");
    }
    return get;
  }

  private static int execute(CloseableHttpClient client, HttpGet request) throws Exception {
    try (CloseableHttpResponse response = client.execute(request)) {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    }
  }

  private static int execute(CloseableHttpAsyncClient client, String url) throws Exception {
    // SimpleHttpRequests: 5.0 has no SimpleHttpRequest.create(method, uri) yet
    return client.execute(SimpleHttpRequests.get(url), null).get(1, TimeUnit.MINUTES).getCode();
  }
}
