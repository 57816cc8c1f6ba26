package io.lumen.instrumentation.lettuce.v5_0;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Lettuce's command strings back into arguments. */
class LettuceArgumentsTest {

  @Test
  void keysAndValuesAreUnwrappedAndMayHoldSpaces() {
    assertThat(LettuceArguments.split("key<user:1> value<hello world> EX 10"))
        .containsExactly("user:1", "hello world", "EX", "10");
  }

  @Test
  void anEmptyCommandStringHasNoArguments() {
    assertThat(LettuceArguments.split("")).isEmpty();
  }

  @Test
  void aWrappedArgumentAtTheEndLosesOnlyItsClosingBracket() {
    assertThat(LettuceArguments.split("key<a> key<b>")).containsExactly("a", "b");
  }
}
