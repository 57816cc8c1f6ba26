package io.lumen.testing.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The local services that instrumentation tests talk to, at their standard ports on {@code
 * 127.0.0.1}: the ones CI provides.
 *
 * <p>A test that needs one skips, rather than fails, when it is not running, so that {@code mvn
 * verify} passes on a machine with none of them. The skip message always starts with {@value
 * #UNAVAILABLE}; CI ({@code .ci/run}) looks for exactly that in the test reports and fails if it
 * finds it, because there every service must be up. Either annotate the class or method:
 *
 * <pre>{@code
 * @RequiresService(LocalService.POSTGRESQL)
 * class PostgresJdbcTest { ... }
 * }</pre>
 *
 * <p>or assume in the test or in {@code @BeforeEach}:
 *
 * <pre>{@code
 * LocalService.REDIS.assumeReachable();
 * }</pre>
 *
 * <p>Never assume in {@code @BeforeAll}: surefire then reports the class with no tests at all, and
 * nobody, CI included, can see that they were skipped.
 */
public enum LocalService {
  POSTGRESQL("PostgreSQL", 5432),
  MARIADB("MariaDB", 3306),
  REDIS("Redis", 6379),
  RABBITMQ("RabbitMQ", 5672),
  MOSQUITTO("Mosquitto", 1883),
  NATS("NATS", 4222);

  /** How every skip message for a missing service starts; CI searches reports for it. */
  public static final String UNAVAILABLE = "Service unavailable:";

  static final String HOST = "127.0.0.1";
  private static final int CONNECT_TIMEOUT_MILLIS = 1000;

  private final String displayName;
  private final int port;

  LocalService(String displayName, int port) {
    this.displayName = displayName;
    this.port = port;
  }

  public String displayName() {
    return displayName;
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** Whether something accepts TCP connections on the service's port right now. */
  public boolean isReachable() {
    return isReachable(HOST, port);
  }

  /**
   * Skips the calling test (through a JUnit assumption) if the service is not reachable.
   *
   * @throws org.opentest4j.TestAbortedException with {@link #unavailableMessage()} if it is not
   */
  public void assumeReachable() {
    Assumptions.assumeTrue(isReachable(), this::unavailableMessage);
  }

  /** For example {@code Service unavailable: PostgreSQL at 127.0.0.1:5432 (start it, ...)}. */
  public String unavailableMessage() {
    return UNAVAILABLE + " " + displayName + " at " + HOST + ":" + port
        + " (start it locally; .ci/run starts it in CI)";
  }

  static boolean isReachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
