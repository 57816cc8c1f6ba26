package io.lumen.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void defaultsToTheJarsTheBuildLeavesAndToGrpc() {
    DemoOptions options = DemoOptions.parse(new String[0]);

    assertThat(options.agentJar()).isEqualTo(Path.of("agent/target/lumen-javaagent.jar"));
    assertThat(options.appJar()).isEqualTo(Path.of("examples/demo-app/target/users-service.jar"));
    assertThat(options.protocol()).isEqualTo("grpc");
    assertThat(options.allAttributes()).isFalse();
  }

  @Test
  void readsEveryOption() {
    DemoOptions options =
        DemoOptions.parse(
            new String[] {
              "--agent", "/opt/a.jar", "--app", "/opt/b.jar", "--protocol", "http/protobuf",
              "--all-attributes"
            });

    assertThat(options)
        .isEqualTo(new DemoOptions(Path.of("/opt/a.jar"), Path.of("/opt/b.jar"), "http/protobuf",
            true));
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--protocol", "http/json"}))
        .hasMessageContaining("grpc or http/protobuf");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--agent"}))
        .hasMessage("--agent needs a value");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--verbose"}))
        .hasMessage("unknown argument: --verbose");
  }
}
