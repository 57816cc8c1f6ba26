package io.lumen.smoketest.messaging.kafka;

import io.lumen.smoketest.messaging.support.AppHttpServer;
import io.lumen.smoketest.messaging.support.OrderStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * An order service as Spring applications write one, without Spring Boot: a Spring application
 * context with {@code @EnableKafka}, a {@link ConcurrentKafkaListenerContainerFactory} with
 * concurrency 2 over a topic of two partitions, and a {@code @KafkaListener} method that stores
 * each order with JDBC.
 *
 * <ul>
 *   <li>{@code GET /orders?id=..} sends {@code order <id>} to partition {@code id % 2}, so even
 *       and odd ids go to the two consumers of the concurrent container; the listener prints
 *       {@code PROCESSED order <id>};
 *   <li>{@code GET /orders?id=..&poison=1} sends {@code poison <id>}, which the listener refuses
 *       with an {@link IllegalStateException}, printing {@code REFUSED poison <id>} at each of
 *       exactly {@value #DELIVERIES} deliveries (the error handler retries twice, without
 *       back-off), after which the error handler's recoverer prints {@code GAVE UP poison <id>}.
 * </ul>
 *
 * Prints {@code LISTENING consumers=2} once each consumer has its partition, then serves HTTP.
 * Arguments: bootstrap servers, topic, consumer group.
 */
public final class SpringKafkaListenerApp {

  /** Deliveries of a refused record: the first and {@link #RETRIES} retries. */
  static final int DELIVERIES = 3;

  private static final long RETRIES = DELIVERIES - 1;
  private static final String LISTENER_ID = "orders";

  private SpringKafkaListenerApp() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = args[0];
    String topic = args[1];
    String group = args[2];
    System.out.println(
        "SPRING_KAFKA " + KafkaTemplate.class.getPackage().getImplementationVersion());
    OrderStore.create();
    SpringKafkaApp.createTopics(bootstrapServers, 2, topic);
    // Read by the @KafkaListener placeholders and the bean methods, through the Environment.
    System.setProperty("orders.bootstrap-servers", bootstrapServers);
    System.setProperty("orders.topic", topic);
    System.setProperty("orders.group", group);

    AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(ListenerConfiguration.class);
    awaitOnePartitionPerConsumer(context.getBean(KafkaListenerEndpointRegistry.class));
    System.out.println("LISTENING consumers=2");

    @SuppressWarnings("unchecked")
    KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
    Map<String, Function<Map<String, String>, String>> handlers = new HashMap<>();
    handlers.put(
        "/orders",
        query -> {
          String id = query.get("id");
          String value = (query.containsKey("poison") ? "poison " : "order ") + id;
          RecordMetadata sent =
              SpringKafkaApp.send(
                  template, new ProducerRecord<>(topic, Integer.parseInt(id) % 2, id, value));
          return "sent to partition " + sent.partition() + " at offset " + sent.offset();
        });
    AppHttpServer.serve(handlers);
  }

  /**
   * Until the group has settled, one consumer may hold both partitions; the test needs each
   * consumer of the concurrent container to own one, so that both process records.
   */
  private static void awaitOnePartitionPerConsumer(KafkaListenerEndpointRegistry registry)
      throws InterruptedException {
    ConcurrentMessageListenerContainer<?, ?> container =
        (ConcurrentMessageListenerContainer<?, ?>) registry.getListenerContainer(LISTENER_ID);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!hasOnePartitionPerConsumer(container)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "partitions not assigned one per consumer: " + container.getAssignedPartitions());
      }
      Thread.sleep(50);
    }
  }

  private static boolean hasOnePartitionPerConsumer(
      ConcurrentMessageListenerContainer<?, ?> container) {
    if (container.getContainers().size() != 2) {
      return false;
    }
    for (KafkaMessageListenerContainer<?, ?> consumer : container.getContainers()) {
      Collection<TopicPartition> partitions = consumer.getAssignedPartitions();
      if (partitions == null || partitions.size() != 1) {
        return false;
      }
    }
    return true;
  }

  /** The application's Spring configuration. */
  @Configuration(proxyBeanMethods = false)
  @EnableKafka
  public static class ListenerConfiguration {

    @Bean
    public ConsumerFactory<String, String> consumerFactory(Environment environment) {
      String group = environment.getRequiredProperty("orders.group");
      Map<String, Object> config = new HashMap<>();
      config.put("bootstrap.servers", environment.getRequiredProperty("orders.bootstrap-servers"));
      config.put("group.id", group);
      // Spring Kafka adds -0 and -1 for the two consumers of the concurrent container.
      config.put("client.id", group + "-client");
      config.put("auto.offset.reset", "earliest");
      config.put("key.deserializer", StringDeserializer.class);
      config.put("value.deserializer", StringDeserializer.class);
      return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
        ConsumerFactory<String, String> consumerFactory) throws ReflectiveOperationException {
      ConcurrentKafkaListenerContainerFactory<String, String> factory =
          new ConcurrentKafkaListenerContainerFactory<>();
      factory.setConsumerFactory(consumerFactory);
      factory.setConcurrency(2);
      setRetryingErrorHandler(
          factory,
          (record, error) -> System.out.println("GAVE UP " + record.value()),
          new FixedBackOff(0L, RETRIES));
      return factory;
    }

    @Bean
    public KafkaTemplate<String, String> kafkaTemplate(Environment environment) {
      Map<String, Object> config = new HashMap<>();
      config.put("bootstrap.servers", environment.getRequiredProperty("orders.bootstrap-servers"));
      config.put("key.serializer", StringSerializer.class);
      config.put("value.serializer", StringSerializer.class);
      return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    public OrderListener orderListener() {
      return new OrderListener();
    }

    /**
     * The error handler of the version at hand, retrying a failed record with {@code backOff} and
     * then handing it to {@code recoverer}: {@code DefaultErrorHandler} through {@code
     * setCommonErrorHandler} from 2.8 (3.0 removed the older API), {@code
     * SeekToCurrentErrorHandler} through {@code setErrorHandler} before. By reflection, since this
     * class is compiled against 2.7.
     */
    private static void setRetryingErrorHandler(
        ConcurrentKafkaListenerContainerFactory<String, String> factory,
        ConsumerRecordRecoverer recoverer,
        BackOff backOff)
        throws ReflectiveOperationException {
      String listenerPackage = "org.springframework.kafka.listener.";
      Object handler;
      String setter;
      Class<?> handlerType;
      if (isPresent(listenerPackage + "CommonErrorHandler")) {
        handler =
            Class.forName(listenerPackage + "DefaultErrorHandler")
                .getConstructor(ConsumerRecordRecoverer.class, BackOff.class)
                .newInstance(recoverer, backOff);
        setter = "setCommonErrorHandler";
        handlerType = Class.forName(listenerPackage + "CommonErrorHandler");
      } else {
        handler =
            Class.forName(listenerPackage + "SeekToCurrentErrorHandler")
                .getConstructor(BiConsumer.class, BackOff.class)
                .newInstance(recoverer, backOff);
        setter = "setErrorHandler";
        handlerType = Class.forName(listenerPackage + "ErrorHandler");
      }
      factory.getClass().getMethod(setter, handlerType).invoke(factory, handler);
    }
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The listener: stores each order, refuses poison. */
  public static class OrderListener {

    @KafkaListener(id = LISTENER_ID, topics = "${orders.topic}", groupId = "${orders.group}")
    public void onOrder(ConsumerRecord<String, String> record) {
      if (record.value().startsWith("poison")) {
        System.out.println("REFUSED " + record.value());
        throw new IllegalStateException("cannot store " + record.value());
      }
      OrderStore.store(record.value());
      System.out.println("PROCESSED " + record.value());
    }
  }
}
