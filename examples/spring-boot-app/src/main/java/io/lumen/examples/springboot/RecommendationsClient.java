package io.lumen.examples.springboot;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls the recommendations service over HTTP. Spring Boot picks the JDK's {@code
 * java.net.http.HttpClient} for the {@link RestClient} when no other HTTP client library is on the
 * class path, as here.
 */
@Component
public class RecommendationsClient {

  private static final ParameterizedTypeReference<List<String>> STRINGS =
      new ParameterizedTypeReference<>() {};

  private final RestClient restClient;

  public RecommendationsClient(
      RestClient.Builder builder, @Value("${recommendations.url}") String baseUrl) {
    this.restClient = builder.baseUrl(baseUrl).build();
  }

  public List<String> recommendationsFor(long userId) {
    return restClient.get().uri("/recommendations/{userId}", userId).retrieve().body(STRINGS);
  }
}
