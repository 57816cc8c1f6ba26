package io.lumen.instrumentation.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LogCaptureGuardTest {

  @Test
  void onlyTheOutermostCallExportsAndTheMarkIsClearedAfterwards() {
    assertThat(LogCaptureGuard.isActive()).isFalse();
    assertThat(LogCaptureGuard.enter()).isTrue();
    try {
      // e.g. java.util.logging forwarding to logback through jul-to-slf4j
      assertThat(LogCaptureGuard.enter()).isFalse();
      LogCaptureGuard.exit();
      assertThat(LogCaptureGuard.isActive()).isTrue();
    } finally {
      LogCaptureGuard.exit();
    }
    assertThat(LogCaptureGuard.isActive()).isFalse();
    assertThat(LogCaptureGuard.enter()).isTrue();
    LogCaptureGuard.exit();
  }

  @Test
  void theMarkIsPerThread() throws InterruptedException {
    AtomicBoolean otherThreadOutermost = new AtomicBoolean();
    assertThat(LogCaptureGuard.enter()).isTrue();
    try {
      Thread other =
          new Thread(
              () -> {
                otherThreadOutermost.set(LogCaptureGuard.enter());
                LogCaptureGuard.exit();
              });
      other.start();
      other.join();
    } finally {
      LogCaptureGuard.exit();
    }
    assertThat(otherThreadOutermost).isTrue();
  }

  @Test
  void anUnpairedExitDoesNotUnderflow() {
    LogCaptureGuard.exit();
    assertThat(LogCaptureGuard.enter()).isTrue();
    LogCaptureGuard.exit();
  }
}
