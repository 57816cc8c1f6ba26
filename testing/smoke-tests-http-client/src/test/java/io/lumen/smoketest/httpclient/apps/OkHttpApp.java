package io.lumen.smoketest.httpclient.apps;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp ({@code ok-*}), compiled against 3.0.0 and run with 3.0.0 and 4.12.0. Only API that both
 * have: {@code Response} is not {@code Closeable} in 3.0, so bodies are read to their end.
 */
public final class OkHttpApp extends ScenarioApp {

  private final OkHttpClient client = new OkHttpClient();

  public static void main(String[] args) throws Exception {
    new OkHttpApp().start();
  }

  @Override
  protected void scenarios() throws Exception {
    run("ok-ok", () -> execute(client, get(url("/ok", "ok-ok")).header("X-Request-Id", "r-1")));
    run("ok-not-found", () -> execute(client, get(url("/status/404", "ok-not-found"))));
    run("ok-server-error", () -> execute(client, get(url("/status/500", "ok-server-error"))));
    run("ok-redirect", () -> execute(client, get(url("/redirect", "ok-redirect"))));
    OkHttpClient impatient = client.newBuilder().readTimeout(300, TimeUnit.MILLISECONDS).build();
    run("ok-timeout", () -> execute(impatient, get(url("/slow", "ok-timeout"))));
    run("ok-refused", () -> execute(client, get(refusedUrl("ok-refused"))));
    run(
        "ok-new-builder",
        () -> execute(client.newBuilder().build(), get(url("/ok", "ok-new-builder"))));
    run(
        "ok-purge",
        () ->
            execute(
                client, new Request.Builder().url(url("/ok", "ok-purge")).method("PURGE", null)));
    run("ok-async-ok", () -> enqueue(get(url("/ok", "ok-async-ok"))));
    run("ok-async-not-found", () -> enqueue(get(url("/status/404", "ok-async-not-found"))));
    run("ok-async-refused", () -> enqueue(get(refusedUrl("ok-async-refused"))));
  }

  private static Request.Builder get(String url) {
    return new Request.Builder().url(url);
  }

  private static int execute(OkHttpClient client, Request.Builder request) throws IOException {
    Response response = client.newCall(request.build()).execute();
    response.body().string();
    return response.code();
  }

  private int enqueue(Request.Builder request) throws Exception {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    client
        .newCall(request.build())
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                status.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) throws IOException {
                response.body().string();
                status.complete(response.code());
              }
            });
    return status.get(1, TimeUnit.MINUTES);
  }
}
