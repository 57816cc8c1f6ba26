package io.lumen.benchmarks.report;

import static io.lumen.benchmarks.AgentUnderTest.LUMEN;
import static io.lumen.benchmarks.AgentUnderTest.NONE;
import static io.lumen.benchmarks.AgentUnderTest.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.benchmarks.report.TargetCheck.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void startUpIsMetWhenLumenAddsAtMostHalfOfWhatTheOfficialAgentAdds() {
    BenchmarkFixtures fixtures =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 1800, 1950, 10.2, 15_000, 250, 100, 100);

    TargetCheck check = Targets.startup(fixtures.comparison());

    assertThat(check.verdict()).isEqualTo(Verdict.MET);
    assertThat(check.measured()).contains("Lumen +800 ms", "official +2,000 ms", "0.40");
  }

  @Test
  void startUpMissedSaysByHowMuch() {
    BenchmarkFixtures fixtures =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 2200, 1950, 10.2, 15_000, 250, 100, 100);

    TargetCheck check = Targets.startup(fixtures.comparison());

    assertThat(check.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(check.note()).contains("over the budget of 1000 ms by 200 ms");
  }

  @Test
  void jdbcEndpointMustStayWithinFivePercentOfNoAgent() {
    BenchmarkFixtures within =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 1800, 1920, 10.4, 15_000, 250, 100, 100);
    BenchmarkFixtures slower =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 1800, 1880, 10.4, 15_000, 250, 100, 100);

    assertThat(Targets.jdbcWithinFivePercent(within.comparison(), within.results()).verdict())
        .isEqualTo(Verdict.MET);
    TargetCheck missed = Targets.jdbcWithinFivePercent(slower.comparison(), slower.results());
    assertThat(missed.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(missed.measured()).contains("94.0%", "6.0% lower");
  }

  @Test
  void throughputAndP99AreComparedWithTheOfficialAgent() {
    BenchmarkFixtures fixtures =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 1800, 1700, 12, 15_000, 250, 100, 100);

    String jdbc = BenchmarkFixtures.JDBC;
    assertThat(
            Targets.throughputVersusOfficial(fixtures.comparison(), fixtures.results(), jdbc)
                .verdict())
        .isEqualTo(Verdict.MISSED);
    assertThat(Targets.p99VersusOfficial(fixtures.comparison(), fixtures.results(), jdbc).verdict())
        .isEqualTo(Verdict.MISSED);
  }

  @Test
  void aCheaperLumenThatRecordsLessIsFlaggedAsNotLikeForLike() {
    BenchmarkFixtures fixtures =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 1800, 1990, 10.1, 11_000, 210, 100, 100)
            .profile(OFFICIAL, 3)
            .profile(LUMEN, 1);

    TargetCheck check =
        Targets.allocation(fixtures.comparison(), fixtures.results(), BenchmarkFixtures.JDBC);

    assertThat(check.verdict()).isEqualTo(Verdict.MET);
    assertThat(check.note())
        .contains(
            "not like for like: Lumen produced 1 spans per request, the official agent 3"
                + " (flatters Lumen)");
  }

  @Test
  void missingSpansAreCountedOverAllRuns() {
    BenchmarkFixtures fixtures =
        new BenchmarkFixtures()
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(NONE, 1000, 2000, 10, 10_000, 200, 0, 0)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(OFFICIAL, 3000, 1800, 11, 30_000, 400, 100, 100)
            .run(LUMEN, 1800, 1990, 10.1, 11_000, 210, 1000, 1000)
            .run(LUMEN, 1800, 1990, 10.1, 11_000, 210, 1000, 990);

    TargetCheck check = Targets.nothingDropped(fixtures.results());

    assertThat(check.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(check.measured()).contains("2,000 spans expected", "1,990 received", "(10 missing)");
  }

  @Test
  void transformerCostIsTheDifferenceOfMediansWithAndWithoutTheAgent() {
    TargetCheck cheap =
        Targets.transformer(
            List.of(
                BenchmarkFixtures.classDefinition(NONE, 20_000),
                BenchmarkFixtures.classDefinition(OFFICIAL, 24_000),
                BenchmarkFixtures.classDefinition(LUMEN, 20_600)));
    TargetCheck expensive =
        Targets.transformer(
            List.of(
                BenchmarkFixtures.classDefinition(NONE, 20_000),
                BenchmarkFixtures.classDefinition(LUMEN, 21_500)));

    assertThat(cheap.verdict()).isEqualTo(Verdict.MET);
    assertThat(cheap.measured()).contains("Lumen 600 ns per class", "official agent 4000 ns");
    assertThat(expensive.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(Targets.transformer(null).verdict()).isEqualTo(Verdict.NOT_MEASURED);
  }
}
