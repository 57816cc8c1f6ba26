package io.lumen.examples.springboot;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
public class UserController {

  private final UserRepository users;
  private final RecommendationsClient recommendations;

  public UserController(UserRepository users, RecommendationsClient recommendations) {
    this.users = users;
    this.recommendations = recommendations;
  }

  @GetMapping("/users/{id}")
  public User user(@PathVariable long id) {
    return find(id);
  }

  @GetMapping("/users/{id}/profile")
  public UserProfile profile(@PathVariable long id) {
    User user = find(id);
    return new UserProfile(user, recommendations.recommendationsFor(id));
  }

  private User find(long id) {
    return users
        .findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id));
  }
}
