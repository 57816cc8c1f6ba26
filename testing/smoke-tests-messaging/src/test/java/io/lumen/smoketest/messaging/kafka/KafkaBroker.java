package io.lumen.smoketest.messaging.kafka;

import io.lumen.smoketest.messaging.support.TestLibs;
import io.lumen.testing.agent.FreePorts;
import io.lumen.testing.agent.ForkedJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper),
 * forked from the jars in {@code target/test-libs/kafka-broker} without the agent. One per test
 * class: starting it takes seconds, and topics keep the test methods apart.
 *
 * <p>A 3.9 broker, the last line that still serves clients older than 2.1 (4.0 dropped them), so
 * that the oldest and the newest supported clients talk to the same broker.
 */
final class KafkaBroker implements AutoCloseable {

  private static final String CLUSTER_ID = "LumenSmokeTestKafka0Aw";
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final ForkedJvm process;
  private final int port;

  private KafkaBroker(ForkedJvm process, int port) {
    this.process = process;
    this.port = port;
  }

  static KafkaBroker start(Path directory) throws IOException {
    int port = FreePorts.find();
    int controllerPort = FreePorts.find();
    Path config = directory.resolve("server.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + directory.resolve("data"),
            "num.partitions=1",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=true",
            ""));
    List<Path> classPath = TestLibs.classPath("kafka-broker");
    try (ForkedJvm format =
        ForkedJvm.builder()
            .withoutAgent()
            .mainClass("kafka.tools.StorageTool")
            .addClassPath(classPath)
            .args("format", "-t", CLUSTER_ID, "-c", config.toString())
            .name("kafka-storage-format")
            .start()) {
      int exit = format.waitForExit(STARTUP);
      if (exit != 0) {
        throw new IllegalStateException("formatting the Kafka log directory failed\n"
            + format.describeOutput());
      }
    }
    ForkedJvm broker =
        ForkedJvm.builder()
            .withoutAgent()
            .mainClass("kafka.Kafka")
            .addClassPath(classPath)
            .addJvmArgs("-Xmx512m", "-XX:+UseSerialGC")
            .args(config.toString())
            .name("kafka-broker")
            .start();
    KafkaBroker started = new KafkaBroker(broker, port);
    started.awaitListening();
    return started;
  }

  /** {@code bootstrap.servers} for clients. */
  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited\n" + process.describeOutput());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException(
        "the Kafka broker did not listen within " + STARTUP + "\n" + process.describeOutput());
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
