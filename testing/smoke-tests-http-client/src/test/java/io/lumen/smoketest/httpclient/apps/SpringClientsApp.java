package io.lumen.smoketest.httpclient.apps;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.OkHttp3ClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring's {@code RestTemplate} and {@code RestClient} ({@code sp-*}) over each client they can
 * use. Spring records no span of its own: the client underneath does, once.
 */
public final class SpringClientsApp extends ScenarioApp {

  public static void main(String[] args) throws Exception {
    new SpringClientsApp().start();
  }

  @Override
  @SuppressWarnings("removal")
  protected void scenarios() throws Exception {
    run("sp-rt-urlconnection", () -> get(new RestTemplate(), url("/ok", "sp-rt-urlconnection")));
    run(
        "sp-rt-apache5",
        () ->
            get(
                new RestTemplate(new HttpComponentsClientHttpRequestFactory()),
                url("/ok", "sp-rt-apache5")));
    run(
        "sp-rt-okhttp",
        () ->
            get(
                new RestTemplate(new OkHttp3ClientHttpRequestFactory()),
                url("/ok", "sp-rt-okhttp")));
    run(
        "sp-rt-not-found",
        () -> {
          try {
            return get(new RestTemplate(), url("/status/404", "sp-rt-not-found"));
          } catch (HttpClientErrorException e) {
            return e.getStatusCode().value();
          }
        });
    run(
        "sp-rc-jdk",
        () ->
            RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .get()
                .uri(url("/ok", "sp-rc-jdk"))
                .header("X-Request-Id", "r-1")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value());
    // With HttpClient 5 on the class path, RestClient picks it by default.
    run(
        "sp-rc-default",
        () ->
            RestClient.create()
                .get()
                .uri(url("/redirect", "sp-rc-default"))
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value());
  }

  /** A GET with the X-Request-Id header the tests capture. */
  private static int get(RestTemplate template, String url) {
    template
        .getInterceptors()
        .add(
            (request, body, execution) -> {
              request.getHeaders().add("X-Request-Id", "r-1");
              return execution.execute(request, body);
            });
    return template.getForEntity(url, String.class).getStatusCode().value();
  }
}
