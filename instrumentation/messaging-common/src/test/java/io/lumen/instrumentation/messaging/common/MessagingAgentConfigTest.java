package io.lumen.instrumentation.messaging.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the agent's messaging keys are read, receive-span-kind above all. */
class MessagingAgentConfigTest {

  @Test
  void receiveSpansAreConsumerSpansUnlessConfiguredOtherwise() {
    assertThat(config(null).receiveSpanKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(config("consumer").receiveSpanKind()).isEqualTo(SpanKind.CONSUMER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"client", "CLIENT", " Client "})
  void clientMakesThemClientSpans(String value) {
    assertThat(config(value).receiveSpanKind()).isEqualTo(SpanKind.CLIENT);
  }

  /**
   * The agent's configuration check has already replaced a bad value with the default, warning
   * once; a value that still gets here (the SDK could not be configured at all) is the default.
   */
  @ParameterizedTest
  @ValueSource(strings = {"server", "producer", "internal", "", "clients"})
  void anythingElseIsTheDefault(String value) {
    assertThat(config(value).receiveSpanKind()).isEqualTo(SpanKind.CONSUMER);
  }

  private static MessagingAgentConfig config(String receiveSpanKind) {
    return MessagingAgentConfig.from(
        DefaultConfigProperties.createFromMap(
            receiveSpanKind == null
                ? Collections.emptyMap()
                : Collections.singletonMap(
                    MessagingAgentConfig.RECEIVE_SPAN_KIND, receiveSpanKind)));
  }
}
