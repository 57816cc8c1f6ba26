package io.lumen.smoketest.messaging.kafka;

import io.lumen.smoketest.messaging.support.AppHttpServer;
import io.lumen.smoketest.messaging.support.OrderStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An order service on Kafka: {@code GET /orders?id=..} sends a record to the topic (and answers
 * once the broker has it); a consumer thread polls the topic in the usual loop and stores each
 * record with JDBC, printing {@code PROCESSED <value>}. Uses only client API that exists from 2.0
 * to 4.x. Arguments: bootstrap servers, topic, consumer group.
 */
public final class KafkaApp {

  private KafkaApp() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = args[0];
    String topic = args[1];
    String group = args[2];
    System.out.println("KAFKA_CLIENTS " + clientVersion());
    OrderStore.create();
    createTopic(bootstrapServers, topic);

    Thread consumer = new Thread(() -> consume(bootstrapServers, topic, group), "order-consumer");
    consumer.setDaemon(true);
    consumer.start();

    Properties producerConfig = new Properties();
    producerConfig.put("bootstrap.servers", bootstrapServers);
    producerConfig.put("key.serializer", StringSerializer.class.getName());
    producerConfig.put("value.serializer", StringSerializer.class.getName());
    KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
    AppHttpServer.serve(
        "/orders",
        query -> {
          String id = query.get("id");
          try {
            RecordMetadata sent =
                producer.send(new ProducerRecord<>(topic, id, "order " + id)).get();
            return "sent to partition " + sent.partition() + " at offset " + sent.offset();
          } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** From the properties file every client jar has (AppInfoParser moved in 4.x). */
  private static String clientVersion() throws IOException {
    Properties version = new Properties();
    try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      version.load(in);
    }
    return version.getProperty("version");
  }

  private static void createTopic(String bootstrapServers, String topic) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers);
    try (AdminClient admin = AdminClient.create(config)) {
      admin.createTopics(Collections.singleton(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void consume(String bootstrapServers, String topic, String group) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("group.id", group);
    config.put("client.id", group + "-client");
    config.put("auto.offset.reset", "earliest");
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(Collections.singletonList(topic));
      while (true) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, String> record : records) {
          OrderStore.store(record.value());
          System.out.println("PROCESSED " + record.value());
        }
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
    }
  }
}
