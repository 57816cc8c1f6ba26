package io.lumen.benchmarks;

import io.lumen.benchmarks.report.Comparison;
import io.lumen.benchmarks.report.RatioChart;
import io.lumen.benchmarks.report.ReportInput;

/** Opens {@link OverheadBenchmark#chart} to the report package's tests. */
public final class OverheadBenchmarkCharts {

  private OverheadBenchmarkCharts() {}

  public static RatioChart chart(ReportInput input, Comparison comparison) {
    return OverheadBenchmark.chart(input, comparison);
  }
}
