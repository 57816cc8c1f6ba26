package io.lumen.smoketest.messaging.kafka;

import io.lumen.smoketest.messaging.support.AppHttpServer;
import io.lumen.smoketest.messaging.support.OrderStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * An order service on Spring Kafka, without Spring Boot: a {@link KafkaTemplate} sends, and two
 * {@link KafkaMessageListenerContainer}s consume, each storing what it gets with JDBC.
 *
 * <ul>
 *   <li>{@code GET /orders?id=..} sends {@code order <id>} to the orders topic, whose record
 *       listener stores it and prints {@code PROCESSED order <id>}; {@code GET
 *       /orders?id=..&poison=1} sends {@code poison <id>}, which the listener refuses with an
 *       {@link IllegalStateException} (printing {@code REFUSED poison <id>} at each delivery: the
 *       container's default error handler retries it a few times);
 *   <li>{@code GET /batch?ids=1,2,3} sends one record per id to the batch topic and only then starts
 *       its batch listener's container, so that its first poll gets them all as one batch; the
 *       listener stores each and prints {@code BATCH <count>}.
 * </ul>
 *
 * Uses only API that exists from spring-kafka 2.7 to 3.3 ({@code KafkaTemplate.send} returns a
 * different future type in 3.x, so sends go through {@code execute}). Arguments: bootstrap servers,
 * orders topic, batch topic, consumer group prefix.
 */
public final class SpringKafkaApp {

  private SpringKafkaApp() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = args[0];
    String ordersTopic = args[1];
    String batchTopic = args[2];
    String group = args[3];
    System.out.println(
        "SPRING_KAFKA " + KafkaTemplate.class.getPackage().getImplementationVersion());
    OrderStore.create();
    createTopics(bootstrapServers, 1, ordersTopic, batchTopic);

    KafkaMessageListenerContainer<String, String> orders =
        container(
            bootstrapServers,
            ordersTopic,
            group + "-orders",
            (MessageListener<String, String>) SpringKafkaApp::storeOrder);
    orders.start();
    KafkaMessageListenerContainer<String, String> batches =
        container(
            bootstrapServers,
            batchTopic,
            group + "-batch",
            (BatchMessageListener<String, String>) SpringKafkaApp::storeBatch);

    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put("bootstrap.servers", bootstrapServers);
    producerConfig.put("key.serializer", StringSerializer.class);
    producerConfig.put("value.serializer", StringSerializer.class);
    KafkaTemplate<String, String> template =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig));

    Map<String, Function<Map<String, String>, String>> handlers = new HashMap<>();
    handlers.put(
        "/orders",
        query -> {
          String id = query.get("id");
          String value = (query.containsKey("poison") ? "poison " : "order ") + id;
          RecordMetadata sent = send(template, new ProducerRecord<>(ordersTopic, id, value));
          return "sent to partition " + sent.partition() + " at offset " + sent.offset();
        });
    handlers.put(
        "/batch",
        query -> {
          List<String> ids = Arrays.asList(query.get("ids").split(","));
          for (String id : ids) {
            send(template, new ProducerRecord<>(batchTopic, id, "batch order " + id));
          }
          synchronized (batches) {
            if (!batches.isRunning()) {
              batches.start();
            }
          }
          return "sent " + ids.size();
        });
    AppHttpServer.serve(handlers);
  }

  private static void storeOrder(ConsumerRecord<String, String> record) {
    if (record.value().startsWith("poison")) {
      System.out.println("REFUSED " + record.value());
      throw new IllegalStateException("cannot store " + record.value());
    }
    OrderStore.store(record.value());
    System.out.println("PROCESSED " + record.value());
  }

  private static void storeBatch(List<ConsumerRecord<String, String>> records) {
    for (ConsumerRecord<String, String> record : records) {
      OrderStore.store(record.value());
    }
    System.out.println("BATCH " + records.size());
  }

  private static KafkaMessageListenerContainer<String, String> container(
      String bootstrapServers, String topic, String group, Object listener) {
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put("bootstrap.servers", bootstrapServers);
    consumerConfig.put("group.id", group);
    consumerConfig.put("client.id", group + "-client");
    consumerConfig.put("auto.offset.reset", "earliest");
    consumerConfig.put("key.deserializer", StringDeserializer.class);
    consumerConfig.put("value.deserializer", StringDeserializer.class);
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setMessageListener(listener);
    return new KafkaMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<>(consumerConfig), properties);
  }

  /** Sends through the template's producer and waits for the broker. */
  static RecordMetadata send(
      KafkaTemplate<String, String> template, ProducerRecord<String, String> record) {
    return template.execute(
        producer -> {
          try {
            return producer.send(record).get();
          } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Creates each topic with {@code partitions} partitions, unless it exists. */
  static void createTopics(String bootstrapServers, int partitions, String... topics)
      throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    try (AdminClient admin = AdminClient.create(config)) {
      for (String topic : topics) {
        try {
          admin.createTopics(Arrays.asList(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}
