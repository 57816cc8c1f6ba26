package io.lumen.examples.springboot;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in the database, one SQL statement per lookup. */
@Repository
public class UserRepository {

  private final JdbcClient jdbc;

  public UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<User> findById(long id) {
    return jdbc.sql("SELECT id, name, email, country FROM users WHERE id = ?")
        .param(id)
        .query(User.class)
        .optional();
  }
}
