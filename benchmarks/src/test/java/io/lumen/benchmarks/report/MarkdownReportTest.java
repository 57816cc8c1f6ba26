package io.lumen.benchmarks.report;

import static io.lumen.benchmarks.AgentUnderTest.LUMEN;
import static io.lumen.benchmarks.AgentUnderTest.NONE;
import static io.lumen.benchmarks.AgentUnderTest.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.stats.Summary;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

  private static final Machine MACHINE =
      new Machine(2, "AMD EPYC", 24_000, "Debian 12", "openjdk version \"17.0.15\"", 6.5);

  private final BenchmarkFixtures fixtures =
      new BenchmarkFixtures()
          .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
          .run(NONE, 1100, 2100, 9, 10_500, 205, 0, 0)
          .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
          .run(OFFICIAL, 3200, 1850, 12, 31_000, 410, 100, 100)
          .run(LUMEN, 1800, 1950, 10.2, 15_000, 250, 100, 100)
          .run(LUMEN, 1900, 1990, 10.4, 16_000, 255, 100, 99);

  private ReportInput input() {
    return new ReportInput(
        OffsetDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneOffset.UTC),
        Duration.ofMinutes(18),
        "./benchmarks/run.sh",
        MACHINE,
        7.0,
        List.of(
            AgentUnderTest.none(),
            new AgentUnderTest(OFFICIAL, "OpenTelemetry agent 2.33.1", "2.33.1", null),
            new AgentUnderTest(LUMEN, "Lumen 0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT", null)),
        fixtures.results(),
        null,
        List.of(
            BenchmarkFixtures.classDefinition(NONE, 20_000),
            BenchmarkFixtures.classDefinition(OFFICIAL, 24_000),
            BenchmarkFixtures.classDefinition(LUMEN, 20_600)));
  }

  @Test
  void reportLeadsWithTheTargetsAndWarnsAboutABusyMachine() {
    String markdown = new MarkdownReport(input()).render("2026-11-21-ratios.png", "commit abc123");

    assertThat(markdown)
        .startsWith("# Lumen overhead benchmark, 2026-11-21")
        .contains("**Noisy numbers.**", "load average 6.5 at the start and 7.0 at the end")
        .contains("| Start-up: Lumen's added start-up time at most half of the official agent's |")
        .contains("![Ratios to no agent](2026-11-21-ratios.png)")
        .contains("| Lumen | 0.1.0-SNAPSHOT, built from commit abc123 |")
        .contains("| Lumen 0.1.0-SNAPSHOT | `http.server.request.duration` |");
    assertThat(markdown.indexOf("## Targets")).isLessThan(markdown.indexOf("## The application"));
  }

  @Test
  void figuresShowMedianRangeAndRatio() {
    String markdown = new MarkdownReport(input()).render(null, "");

    // Start-up without an agent: median 1050 of 1000 and 1100; Lumen's ratio 1850/1050.
    assertThat(markdown).contains("| Start-up (launch to first 200) (ms) | 1,050 (1,000–1,100) |");
    assertThat(markdown).contains("×1.76 (1.71–1.81)");
    // A round in which Lumen lost a span is listed with what is missing.
    assertThat(markdown).contains("| Lumen 0.1.0-SNAPSHOT | 2 | 20,000 | 100 | 99 | 1 |");
    assertThat(markdown).contains("- Lumen 0.1.0-SNAPSHOT: 600 ns per class");
  }

  @Test
  void chartHasAPanelPerBenchmarkKind(@TempDir Path directory) throws Exception {
    MarkdownReport report = new MarkdownReport(input());
    RatioChart chart = io.lumen.benchmarks.OverheadBenchmarkCharts.chart(input(), report.comparison());
    Path file = directory.resolve("chart.png");

    chart.write(file);

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(2 * 420);
  }

  @Test
  void chartRejectsASeriesThatDoesNotCoverEveryGroup() {
    Map<String, List<Summary>> series = new LinkedHashMap<>();
    series.put("Lumen", List.of(Summary.of(1.1)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RatioChart.Panel("t", List.of("a", "b"), series))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
