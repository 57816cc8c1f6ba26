package io.lumen.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadResultTest {

  @Test
  void survivesTheTripThroughTheLoadGeneratorsOutput() {
    LoadResult result = new LoadResult("/users/{id}/profile", 12_345, 2, 7, 10.0123, 850, 4200, 91000);

    LoadResult parsed = LoadResult.parse(result.toLine());

    assertThat(parsed).isEqualTo(result);
    assertThat(parsed.throughput()).isCloseTo(12_345 / 10.0123, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void recognizesOnlyResultLines() {
    assertThat(LoadResult.isResultLine("READY")).isFalse();
    assertThat(LoadResult.isResultLine(new LoadResult("/", 1, 0, 0, 1, 1, 1, 1).toLine())).isTrue();
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> LoadResult.parse("RESULT path=/ responses=1 failures=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no non2xx");
    assertThatThrownBy(() -> LoadResult.parse("RESULT path=/ responses=x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
