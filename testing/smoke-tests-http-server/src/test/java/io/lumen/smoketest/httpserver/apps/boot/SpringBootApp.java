package io.lumen.smoketest.httpserver.apps.boot;

import io.lumen.smoketest.httpserver.apps.spring.GreetingController;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot web application as {@code start.spring.io} would generate it (embedded Tomcat,
 * Spring Web MVC), serving the same controller as the plain Spring application. Prints {@code READY
 * port=<n>} once it serves.
 */
@SpringBootApplication
@Import(GreetingController.class)
public class SpringBootApp {

  public static void main(String[] args) {
    ConfigurableApplicationContext context =
        SpringApplication.run(
            SpringBootApp.class, "--server.port=0", "--server.address=127.0.0.1");
    System.out.println("READY port=" + context.getEnvironment().getProperty("local.server.port"));
    System.out.flush();
  }
}
