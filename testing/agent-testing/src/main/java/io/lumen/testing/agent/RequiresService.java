package io.lumen.testing.agent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips a test class or method unless every listed {@link LocalService} is reachable, with the
 * message {@code Service unavailable: <service> at <host>:<port> ...} that CI fails on.
 *
 * <p>Unlike an assumption in {@code @BeforeAll}, a skip here is reported for each test of the
 * class, so it never goes unnoticed; and nothing of the class, {@code @BeforeAll} included, runs.
 *
 * <pre>{@code
 * @RequiresService({LocalService.RABBITMQ})
 * class RabbitMqClientTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiredServicesCondition.class)
public @interface RequiresService {

  /** The services the test needs. */
  LocalService[] value();
}
