package io.lumen.sdk.resources;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainClassServiceNameDetectorTest {

  private static final Resource UNKNOWN =
      Resource.create(Attributes.of(stringKey("service.name"), "unknown_service:java"));

  @Test
  void mainClassGivesItsSimpleName() {
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand("com.example.shop.CheckoutApp"))
        .isEqualTo("CheckoutApp");
    assertThat(
            MainClassServiceNameDetector.serviceNameFromCommand(
                "com.example.shop.CheckoutApp --port 8080 /tmp/x.jar"))
        .isEqualTo("CheckoutApp");
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand("Main")).isEqualTo("Main");
  }

  @Test
  void jarGivesItsBaseNameEvenWithSpacesInThePath() {
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand("/opt/apps/billing.jar --debug"))
        .isEqualTo("billing");
    assertThat(
            MainClassServiceNameDetector.serviceNameFromCommand(
                "/opt/my apps/order-service.jar arg"))
        .isEqualTo("order-service");
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand("C:\\apps\\inventory.jar"))
        .isEqualTo("inventory");
  }

  @Test
  void moduleAndSourceLauncherForms() {
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand("com.acme.app/com.acme.Main x"))
        .isEqualTo("Main");
    assertThat(
            MainClassServiceNameDetector.serviceNameFromCommand(
                "jdk.compiler/com.sun.tools.javac.launcher.Main scripts/Report.java arg"))
        .isEqualTo("Report");
  }

  @Test
  void nothingToGoOn() {
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand(null)).isNull();
    assertThat(MainClassServiceNameDetector.serviceNameFromCommand("   ")).isNull();
    assertThat(new MainClassServiceNameDetector(() -> null).createResource(config(Map.of())))
        .isEqualTo(Resource.empty());
  }

  @Test
  void appliesOnlyWhenNoNameIsKnown() {
    MainClassServiceNameDetector detector =
        new MainClassServiceNameDetector(() -> "com.example.Worker");
    assertThat(detector.shouldApply(config(Map.of()), UNKNOWN)).isTrue();
    assertThat(detector.createResource(config(Map.of())).getAttribute(stringKey("service.name")))
        .isEqualTo("Worker");

    assertThat(detector.shouldApply(config(Map.of("otel.service.name", "payments")), UNKNOWN))
        .isFalse();
    assertThat(
            detector.shouldApply(
                config(Map.of("otel.resource.attributes", "service.name=payments")), UNKNOWN))
        .isFalse();
    Resource namedByJar = Resource.create(Attributes.of(stringKey("service.name"), "billing"));
    assertThat(detector.shouldApply(config(Map.of()), namedByJar)).isFalse();
  }

  private static DefaultConfigProperties config(Map<String, String> properties) {
    return DefaultConfigProperties.createFromMap(properties);
  }
}
