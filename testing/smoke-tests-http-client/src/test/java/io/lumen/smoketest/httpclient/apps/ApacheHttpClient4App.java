package io.lumen.smoketest.httpclient.apps;

import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.params.HttpConnectionParams;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4 ({@code a4-*}), run with 4.0 and 4.5.14: {@code DefaultHttpClient}, which
 * both have, and on 4.3 and later also a client from {@code HttpClients.createDefault()}. Only API
 * that 4.0 has outside that one scenario; a fresh client per scenario, as 4.0's default connection
 * manager holds a single connection.
 */
@SuppressWarnings("deprecation")
public final class ApacheHttpClient4App extends ScenarioApp {

  public static void main(String[] args) throws Exception {
    new ApacheHttpClient4App().start();
  }

  @Override
  protected void scenarios() throws Exception {
    run("a4-ok", () -> execute(new DefaultHttpClient(), get(url("/ok", "a4-ok"), true)));
    run(
        "a4-not-found",
        () -> execute(new DefaultHttpClient(), get(url("/status/404", "a4-not-found"), false)));
    run(
        "a4-server-error",
        () -> execute(new DefaultHttpClient(), get(url("/status/500", "a4-server-error"), false)));
    run(
        "a4-redirect",
        () -> execute(new DefaultHttpClient(), get(url("/redirect", "a4-redirect"), false)));
    run(
        "a4-timeout",
        () -> {
          DefaultHttpClient impatient = new DefaultHttpClient();
          HttpConnectionParams.setSoTimeout(impatient.getParams(), 300);
          return execute(impatient, get(url("/slow", "a4-timeout"), false));
        });
    run("a4-refused", () -> execute(new DefaultHttpClient(), get(refusedUrl("a4-refused"), false)));
    if (hasClass("org.apache.http.impl.client.HttpClients")) {
      run(
          "a4-builder",
          () ->
              execute(
                  org.apache.http.impl.client.HttpClients.createDefault(),
                  get(url("/redirect", "a4-builder"), false)));
    }
  }

  private static HttpGet get(String url, boolean withRequestId) {
    HttpGet get = new HttpGet(url);
    if (withRequestId) {
      get.setHeader("X-Request-Id", "r-1");
    }
    return get;
  }

  private static int execute(HttpClient client, HttpGet request) throws Exception {
    HttpResponse response = client.execute(request);
    EntityUtils.toString(response.getEntity());
    return response.getStatusLine().getStatusCode();
  }

  private static boolean hasClass(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
