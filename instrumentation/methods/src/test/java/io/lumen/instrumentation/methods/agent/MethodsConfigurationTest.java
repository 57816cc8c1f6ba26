package io.lumen.instrumentation.methods.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodsConfigurationTest {

  @Test
  void readsClassesAndTheirMethods() {
    Map<String, Set<String>> parsed =
        MethodsConfiguration.parse("com.acme.Service[foo,bar];com.acme.Other[baz]");

    assertThat(parsed)
        .containsOnlyKeys("com.acme.Service", "com.acme.Other")
        .containsEntry("com.acme.Service", Set.of("foo", "bar"))
        .containsEntry("com.acme.Other", Set.of("baz"));
  }

  @Test
  void toleratesWhiteSpaceAndRepeatedClasses() {
    Map<String, Set<String>> parsed =
        MethodsConfiguration.parse(" com.acme.Service [ foo , bar ] ; ;com.acme.Service[baz];");

    assertThat(parsed).containsOnlyKeys("com.acme.Service");
    assertThat(parsed.get("com.acme.Service")).containsExactly("foo", "bar", "baz");
  }

  @Test
  void nestedClassesUseTheBinaryName() {
    assertThat(MethodsConfiguration.parse("com.acme.Outer$Inner[run]"))
        .containsEntry("com.acme.Outer$Inner", Set.of("run"));
  }

  @Test
  void skipsEntriesThatDoNotParseAndKeepsTheRest() {
    Map<String, Set<String>> parsed =
        MethodsConfiguration.parse(
            "com.acme.NoBrackets;com.acme.Empty[];com.acme.Unclosed[foo;com.acme.Bad-Name[x];"
                + "com.acme.Good[ok];[orphan];com.acme.Trailing[a]x");

    assertThat(parsed).containsOnlyKeys("com.acme.Good");
  }

  @Test
  void nothingConfiguredIsNothingInstrumented() {
    assertThat(MethodsConfiguration.parse(null)).isEmpty();
    assertThat(MethodsConfiguration.parse("  ")).isEmpty();
  }
}
