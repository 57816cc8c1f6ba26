package io.lumen.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A users service as Spring Boot services are usually written: controllers over a JDBC
 * repository, and a client for a neighbouring service. Its endpoints:
 *
 * <ul>
 *   <li>{@code GET /users/{id}}: one SQL query;
 *   <li>{@code GET /users/{id}/profile}: one SQL query and one outgoing HTTP call, to the
 *       recommendations endpoint of this same service (a stand-in for a second service);
 *   <li>{@code GET /recommendations/{userId}}: answers from memory;
 *   <li>{@code GET /health}: answers without touching anything.
 * </ul>
 *
 * <p>Run it with {@code java -jar spring-boot-app.jar --server.port=8080}.
 */
@SpringBootApplication
public class UsersApplication {

  public static void main(String[] args) {
    SpringApplication.run(UsersApplication.class, args);
  }
}
