package io.lumen.smoketest.messaging.kafka;

import io.lumen.testing.receiver.OtlpReceiver;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Kafka smoke test starts with: a real KRaft broker and an OTLP receiver, for the whole
 * test class (the broker takes seconds to start; topics keep the test methods apart).
 */
abstract class KafkaBrokerSmokeTest {

  @TempDir static Path brokerDirectory;

  static KafkaBroker broker;
  static OtlpReceiver receiver;

  @BeforeAll
  static void startBroker() throws Exception {
    receiver = OtlpReceiver.start();
    broker = KafkaBroker.start(brokerDirectory);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }
}
