package io.lumen.examples.springboot;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Stands in for a second service that the profile endpoint calls over HTTP. */
@RestController
public class RecommendationsController {

  private static final List<String> CATALOGUE =
      List.of("espresso machine", "hiking boots", "road bike", "chess set", "telescope", "kayak");

  @GetMapping("/recommendations/{userId}")
  public List<String> recommendations(@PathVariable long userId) {
    int first = (int) (userId % CATALOGUE.size());
    return List.of(CATALOGUE.get(first), CATALOGUE.get((first + 1) % CATALOGUE.size()));
  }
}
