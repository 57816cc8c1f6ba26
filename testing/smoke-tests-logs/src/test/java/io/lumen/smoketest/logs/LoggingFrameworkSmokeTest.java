package io.lumen.smoketest.logs;

import static io.lumen.smoketest.logs.LoggingApps.PARENT_SPAN_ID;
import static io.lumen.smoketest.logs.LoggingApps.TIMEOUT;
import static io.lumen.smoketest.logs.LoggingApps.TRACE_ID;
import static io.lumen.smoketest.logs.LoggingApps.consoleLine;
import static io.lumen.smoketest.logs.LoggingApps.port;
import static io.lumen.smoketest.logs.LoggingApps.work;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.logs.LoggingApps.ConsoleLine;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedLogRecord;
import io.lumen.testing.receiver.ReceivedSpan;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The story every logging framework must tell with the agent attached, whatever it is: an
 * application serves one traced request and logs in it; its own console shows the request's span
 * ids in the MDC (and nothing once the span is over), and the OTLP receiver gets each event once,
 * as a log record of that span with the event's fields.
 */
abstract class LoggingFrameworkSmokeTest {

  static OtlpReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void clearReceived() {
    receiver.reset();
  }

  /**
   * What differs between frameworks and runs.
   *
   * @param printsMdc whether the application prints the MDC (java.util.logging has none)
   * @param capturesMdc whether the run enabled MDC attributes
   * @param exportsDebug whether the run exports DEBUG (a minimum level of INFO does not)
   * @param infoText, warnText, debugText the framework's names of the levels used
   * @param appClass the application, whose frames the exception's stack trace shows
   * @param startupOutput what the application prints at start-up in this setup
   */
  record Expectations(
      boolean printsMdc,
      boolean capturesMdc,
      boolean exportsDebug,
      String infoText,
      String warnText,
      String debugText,
      Class<?> appClass,
      String startupOutput) {}

  void servesATracedRequestAndLogsIt(ForkedJvmBuilder builder, Expectations expected)
      throws Exception {
    try (ForkedJvm app = builder.exportTo(receiver).start()) {
      work(port(app));
      app.waitForOutput(expected.startupOutput(), TIMEOUT);

      ReceivedSpan server =
          receiver.awaitSpan(
              s -> s.traceId().equals(TRACE_ID) && s.kind() == ReceivedSpan.Kind.SERVER, TIMEOUT);
      assertThat(server.parentSpanId()).isEqualTo(PARENT_SPAN_ID);
      // Logged last, on the same thread: once it is here, everything before it is too.
      ReceivedLogRecord after =
          receiver.awaitLogRecord(r -> "after exchange".equals(r.bodyAsString()), TIMEOUT);

      if (expected.printsMdc()) {
        ConsoleLine handlingLine = consoleLine(app, "handling /work");
        assertThat(handlingLine.traceId()).isEqualTo(TRACE_ID);
        assertThat(handlingLine.spanId()).isEqualTo(server.spanId());
        assertThat(handlingLine.traceFlags()).isEqualTo("01");
        assertThat(handlingLine.user()).isEqualTo("alice");
        ConsoleLine afterLine = consoleLine(app, "after exchange");
        assertThat(afterLine.traceId()).as("no trace id once the span is over").isEmpty();
        assertThat(afterLine.spanId()).isEmpty();
        assertThat(consoleLine(app, "ready").traceId()).isEmpty();
        assertThat(consoleLine(app, "debug detail").traceId())
            .as("the application's own output keeps every level")
            .isEqualTo(TRACE_ID);
      }

      ReceivedLogRecord handling = single("handling /work");
      assertThat(handling.scopeName()).isEqualTo("app.orders");
      assertThat(handling.severityNumber()).isEqualTo(9);
      assertThat(handling.severityText()).isEqualTo(expected.infoText());
      assertThat(handling.traceId()).isEqualTo(TRACE_ID);
      assertThat(handling.spanId()).isEqualTo(server.spanId());
      assertThat(handling.epochNanos()).isPositive();
      assertThat(handling.observedEpochNanos()).isGreaterThanOrEqualTo(handling.epochNanos());
      assertThat(handling.epochNanos())
          .isBetween(server.startEpochNanos() - 1_000_000, server.endEpochNanos() + 1_000_000);
      assertThat(handling.attribute("thread.name")).isInstanceOf(String.class);
      assertThat((String) handling.attribute("thread.name")).isNotEmpty();
      assertThat(handling.attribute("thread.id")).isInstanceOf(Long.class);
      assertThat(handling.attributes()).doesNotContainKeys("trace_id", "span_id", "trace_flags");
      if (expected.capturesMdc()) {
        assertThat(handling.attribute("user")).isEqualTo("alice");
      } else {
        assertThat(handling.attributes()).doesNotContainKey("user");
      }

      ReceivedLogRecord failed = single("work failed");
      assertThat(failed.severityNumber()).isEqualTo(13);
      assertThat(failed.severityText()).isEqualTo(expected.warnText());
      assertThat(failed.spanId()).isEqualTo(server.spanId());
      assertThat(failed.attribute("exception.type")).isEqualTo("java.lang.IllegalStateException");
      assertThat(failed.attribute("exception.message")).isEqualTo("boom");
      assertThat((String) failed.attribute("exception.stacktrace"))
          .startsWith("java.lang.IllegalStateException: boom")
          .contains(expected.appClass().getName());

      List<ReceivedLogRecord> debug = records("debug detail");
      if (expected.exportsDebug()) {
        assertThat(debug).hasSize(1);
        assertThat(debug.get(0).severityNumber()).isEqualTo(5);
        assertThat(debug.get(0).severityText()).isEqualTo(expected.debugText());
      } else {
        assertThat(debug).as("below the minimum level").isEmpty();
      }

      assertThat(after.traceId()).as("logged after the span ended").isNull();
      assertThat(single("ready").traceId()).isNull();
      assertThat(receiver.logRecords())
          .as("nothing of the agent's own or the exporter's logging")
          .allSatisfy(r -> assertThat(r.scopeName()).startsWith("app."));
    }
  }

  private static ReceivedLogRecord single(String body) {
    List<ReceivedLogRecord> matching = records(body);
    assertThat(matching).as("records with body '" + body + "', exactly one").hasSize(1);
    return matching.get(0);
  }

  private static List<ReceivedLogRecord> records(String body) {
    return receiver.logRecords().stream().filter(r -> body.equals(r.bodyAsString())).toList();
  }
}
