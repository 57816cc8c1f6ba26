package io.lumen.testing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class LocalServiceTest {

  @Test
  void isReachableWhileSomethingListensOnThePort() throws IOException {
    int port;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LocalService.HOST))) {
      port = server.getLocalPort();
      assertThat(LocalService.isReachable(LocalService.HOST, port)).isTrue();
    }
    assertThat(LocalService.isReachable(LocalService.HOST, port)).isFalse();
  }

  @Test
  void skipMessageStartsWithTheMarkerThatCiLooksFor() {
    assertThat(LocalService.POSTGRESQL.unavailableMessage())
        .startsWith("Service unavailable: PostgreSQL at 127.0.0.1:5432 ");
    assertThat(LocalService.NATS.unavailableMessage())
        .startsWith("Service unavailable: NATS at 127.0.0.1:4222 ");
  }

  @Test
  void conditionDisablesWithEveryMissingServiceNamed() {
    Set<LocalService> up = Set.of(LocalService.POSTGRESQL);

    ConditionEvaluationResult result =
        RequiredServicesCondition.evaluate(
            List.of(LocalService.POSTGRESQL, LocalService.REDIS, LocalService.NATS), up::contains);

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("Service unavailable: Redis at 127.0.0.1:6379 ")
                    .contains("; Service unavailable: NATS at 127.0.0.1:4222 ")
                    .doesNotContain("PostgreSQL"));
  }

  @Test
  void conditionEnablesWhenEveryServiceIsUpOrNoneIsRequired() {
    assertThat(
            RequiredServicesCondition.evaluate(List.of(LocalService.MARIADB), service -> true)
                .isDisabled())
        .isFalse();
    assertThat(RequiredServicesCondition.evaluate(List.of(), service -> false).isDisabled())
        .isFalse();
  }
}
