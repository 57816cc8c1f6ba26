package io.lumen.smoketest.messaging.jms;

import io.lumen.testing.agent.FreePorts;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker embedded in the test JVM (which has no agent), in memory, on one TCP
 * port that speaks Artemis's core protocol (the Artemis JMS and Jakarta clients) and OpenWire (the
 * ActiveMQ 5 client, the JMS 1.1 one). Queues are created on first use.
 */
final class ArtemisBroker implements AutoCloseable {

  private final EmbeddedActiveMQ server;
  private final int port;

  private ArtemisBroker(EmbeddedActiveMQ server, int port) {
    this.server = server;
    this.port = port;
  }

  static ArtemisBroker start(Path directory) throws Exception {
    int port = FreePorts.find();
    Configuration configuration =
        new ConfigurationImpl()
            .setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .setJMXManagementEnabled(false)
            .addAcceptorConfiguration(
                "tcp", "tcp://127.0.0.1:" + port + "?protocols=CORE,OPENWIRE");
    configuration.setBrokerInstance(directory.toFile());
    EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration);
    server.start();
    return new ArtemisBroker(server, port);
  }

  /** The URL both the Artemis and the ActiveMQ 5 connection factories take. */
  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
