package io.lumen.examples.users;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The users the service knows, in memory: the demo needs no database to show a request. */
final class UserDirectory {

  private final Map<Long, User> users = new TreeMap<>();

  static UserDirectory withSampleUsers() {
    UserDirectory directory = new UserDirectory();
    directory.add(new User(7, "Ada Lovelace", "ada@example.com"));
    directory.add(new User(13, "Grace Hopper", "grace@example.com"));
    directory.add(new User(42, "Alan Turing", "alan@example.com"));
    directory.add(new User(64, "Edsger Dijkstra", "edsger@example.com"));
    return directory;
  }

  void add(User user) {
    users.put(user.id(), user);
  }

  Optional<User> find(long id) {
    return Optional.ofNullable(users.get(id));
  }

  /** The first {@code limit} users by id. */
  List<User> list(int limit) {
    return users.values().stream().limit(limit).toList();
  }
}
