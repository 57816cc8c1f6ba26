package io.lumen.smoketest.httpserver.apps.spring;

import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Annotated handlers, shared by the Spring Web MVC and the Spring Boot applications. */
@RestController
public class GreetingController {

  @GetMapping("/greetings/{name}")
  public String greet(@PathVariable("name") String name) {
    return "hello " + name;
  }

  @GetMapping("/greetings/{name}/async")
  public Callable<String> greetLater(@PathVariable("name") String name) {
    return () -> "later " + name;
  }

  @GetMapping("/explode")
  public String explode() {
    throw new IllegalStateException("controller failed");
  }
}
