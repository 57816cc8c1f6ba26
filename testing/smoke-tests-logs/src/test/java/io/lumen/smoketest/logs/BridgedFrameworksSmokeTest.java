package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.app;
import static io.lumen.smoketest.logs.LoggingApps.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.apps.BridgedFrameworksApp;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An application whose java.util.logging and Log4j API calls are forwarded to logback
 * (jul-to-slf4j, log4j-to-slf4j): two instrumented frameworks see each event, and it is exported
 * once, under the logger the application called.
 */
class BridgedFrameworksSmokeTest {

  @Test
  void anEventForwardedFromOneFrameworkToAnotherIsExportedOnce() {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            app(
                    BridgedFrameworksApp.class,
                    "ch.qos.logback:logback-classic:1.5.38",
                    "ch.qos.logback:logback-core:1.5.38",
                    "org.slf4j:slf4j-api:2.0.17",
                    "org.slf4j:jul-to-slf4j:2.0.17",
                    "org.apache.logging.log4j:log4j-api:2.26.1",
                    "org.apache.logging.log4j:log4j-to-slf4j:2.26.1")
                .systemProperty("logback.configurationFile", config("logback-bridged.xml"))
                .exportTo(receiver)
                .start()) {
      app.waitForOutput("LOGGED", TIMEOUT);
      // logback printed all three: the forwarding works as without the agent
      app.waitForOutput("bridged.jul - from java.util.logging", TIMEOUT);
      app.waitForOutput("bridged.log4j - from the Log4j API", TIMEOUT);
      app.waitForOutput("bridged.slf4j - from SLF4J", TIMEOUT);
      // the application exits by itself; its shutdown flushes what is left
      assertThat(app.waitForExit(TIMEOUT)).isZero();

      List<ReceivedLogRecord> records =
          receiver.awaitLogRecords(r -> r.scopeName().startsWith("bridged."), 3, TIMEOUT);
      Map<String, ReceivedLogRecord> byBody =
          records.stream()
              .collect(Collectors.toMap(ReceivedLogRecord::bodyAsString, Function.identity()));
      assertThat(records).as("one record per event, not one per framework").hasSize(3);
      assertThat(byBody.get("from java.util.logging").scopeName()).isEqualTo("bridged.jul");
      assertThat(byBody.get("from the Log4j API").scopeName()).isEqualTo("bridged.log4j");
      assertThat(byBody.get("from SLF4J").scopeName()).isEqualTo("bridged.slf4j");
      assertThat(receiver.logRecords()).hasSize(3);
    }
  }
}
