package io.lumen.benchmarks.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    Summary summary = Summary.of(List.of(30, 10, 20, 50, 40));

    assertThat(summary.median()).isEqualTo(30);
    assertThat(summary.min()).isEqualTo(10);
    assertThat(summary.max()).isEqualTo(50);
    assertThat(summary.lowerQuartile()).isEqualTo(20);
    assertThat(summary.upperQuartile()).isEqualTo(40);
    assertThat(summary.count()).isEqualTo(5);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    Summary summary = Summary.of(4, 1, 3, 2);

    assertThat(summary.median()).isEqualTo(2.5);
    assertThat(summary.lowerQuartile()).isCloseTo(1.75, within(1e-9));
    assertThat(summary.upperQuartile()).isCloseTo(3.25, within(1e-9));
  }

  @Test
  void doesNotReorderTheCallersArray() {
    double[] values = {3, 1, 2};

    Summary.of(values);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void ratioDividesEveryValueByTheBaselineMedian() {
    Summary baseline = Summary.of(90, 100, 110);
    Summary agent = Summary.of(120, 150, 200);

    Summary ratio = agent.relativeTo(baseline);

    assertThat(ratio.median()).isEqualTo(1.5);
    assertThat(ratio.min()).isEqualTo(1.2);
    assertThat(ratio.max()).isEqualTo(2.0);
  }

  @Test
  void rangesOverlapWhenNeitherIsEntirelyAboveTheOther() {
    assertThat(Summary.of(1, 5).overlaps(Summary.of(4, 9))).isTrue();
    assertThat(Summary.of(1, 3).overlaps(Summary.of(4, 9))).isFalse();
    assertThat(Summary.of(4, 9).overlaps(Summary.of(1, 3))).isFalse();
  }

  @Test
  void formatsMedianWithRange() {
    assertThat(Summary.of(1200.4, 1000, 1500).format(0)).isEqualTo("1,200 (1,000–1,500)");
    assertThat(Summary.of(2.345).format(2)).isEqualTo("2.35");
  }

  @Test
  void rejectsNoValuesAndValuesThatAreNotNumbers() {
    assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Summary.of(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Summary.of(1).relativeTo(Summary.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
