package io.lumen.benchmarks.report;

import static io.lumen.benchmarks.AgentUnderTest.LUMEN;
import static io.lumen.benchmarks.AgentUnderTest.NONE;
import static io.lumen.benchmarks.AgentUnderTest.OFFICIAL;

import io.lumen.benchmarks.app.ApplicationBenchmark;
import io.lumen.benchmarks.app.ApplicationResults;
import io.lumen.benchmarks.app.InstrumentationProfile;
import io.lumen.benchmarks.app.RunMeasurement;
import io.lumen.benchmarks.jmh.ClassDefinitionBenchmark;
import io.lumen.benchmarks.jmh.MicroResult;
import io.lumen.benchmarks.report.TargetCheck.Verdict;
import io.lumen.benchmarks.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets of issue 7, judged on medians measured side by side in one run. Each check also
 * says when the verdict is within noise (the ranges of the two configurations overlap) and when
 * Lumen produced fewer spans per request than the official agent, which makes any cost comparison
 * flatter Lumen.
 */
public final class Targets {

  /** Transformer cost per class that no instrumentation matches: under 1 µs. */
  static final double TRANSFORMER_BUDGET_NANOS = 1000;

  private Targets() {}

  /** Checks every target that {@code results} and {@code micro} (either may be null) can answer. */
  public static List<TargetCheck> check(
      Comparison comparison, ApplicationResults results, List<MicroResult> micro) {
    List<TargetCheck> checks = new ArrayList<>();
    if (comparison != null && results != null) {
      checks.add(startup(comparison));
      for (String endpoint : results.endpoints()) {
        checks.add(throughputVersusOfficial(comparison, results, endpoint));
        checks.add(p99VersusOfficial(comparison, results, endpoint));
      }
      checks.add(jdbcWithinFivePercent(comparison, results));
      for (String endpoint : results.endpoints()) {
        checks.add(allocation(comparison, results, endpoint));
      }
      checks.add(rss(comparison));
      checks.add(nothingDropped(results));
    }
    checks.add(transformer(micro));
    return checks;
  }

  static TargetCheck startup(Comparison comparison) {
    double lumen = comparison.added(Figure.STARTUP, LUMEN);
    double official = comparison.added(Figure.STARTUP, OFFICIAL);
    return halfOfOfficial(
        "Start-up: Lumen's added start-up time at most half of the official agent's",
        lumen,
        official,
        "ms",
        0,
        noise(comparison, Figure.STARTUP));
  }

  static TargetCheck throughputVersusOfficial(
      Comparison comparison, ApplicationResults results, String endpoint) {
    String key = Figure.throughput(endpoint);
    double lumen = comparison.ratio(key, LUMEN).median();
    double official = comparison.ratio(key, OFFICIAL).median();
    return new TargetCheck(
        "Throughput loss on `GET " + endpoint + "` no worse than the official agent's",
        String.format(
            Locale.ROOT,
            "Lumen %s, official %s of no agent's throughput",
            percent(lumen),
            percent(official)),
        Verdict.of(lumen >= official),
        join(noise(comparison, key, LUMEN, OFFICIAL), likeForLike(results, endpoint)));
  }

  static TargetCheck p99VersusOfficial(
      Comparison comparison, ApplicationResults results, String endpoint) {
    String key = Figure.p99(endpoint);
    double lumen = comparison.ratio(key, LUMEN).median();
    double official = comparison.ratio(key, OFFICIAL).median();
    return new TargetCheck(
        "p99 increase on `GET " + endpoint + "` no worse than the official agent's",
        String.format(
            Locale.ROOT,
            "Lumen ×%.3f, official ×%.3f of no agent's p99",
            lumen,
            official),
        Verdict.of(lumen <= official),
        join(noise(comparison, key, LUMEN, OFFICIAL), likeForLike(results, endpoint)));
  }

  static TargetCheck jdbcWithinFivePercent(Comparison comparison, ApplicationResults results) {
    String endpoint = ApplicationBenchmark.JDBC_ENDPOINT;
    double throughput = comparison.ratio(Figure.throughput(endpoint), LUMEN).median();
    double p99 = comparison.ratio(Figure.p99(endpoint), LUMEN).median();
    boolean met = throughput >= 0.95 && p99 <= 1.05;
    return new TargetCheck(
        "Lumen within 5% of no agent on the JDBC endpoint (`GET " + endpoint + "`)",
        String.format(
            Locale.ROOT,
            "throughput %s of no agent's (%s), p99 ×%.3f (%s)",
            percent(throughput),
            throughput >= 0.95
                ? "at most 5% lower"
                : String.format(Locale.ROOT, "%.1f%% lower", (1 - throughput) * 100),
            p99,
            p99 <= 1.05
                ? "at most 5% higher"
                : String.format(Locale.ROOT, "%.1f%% higher", (p99 - 1) * 100)),
        Verdict.of(met),
        join(
            noise(comparison, Figure.throughput(endpoint), LUMEN, NONE),
            likeForLike(results, endpoint)));
  }

  static TargetCheck allocation(
      Comparison comparison, ApplicationResults results, String endpoint) {
    String key = Figure.allocation(endpoint);
    return halfOfOfficial(
        "Allocation per request on `GET " + endpoint + "`: Lumen's added at most half of the official agent's",
        comparison.added(key, LUMEN),
        comparison.added(key, OFFICIAL),
        "KB",
        1,
        join(noise(comparison, key), likeForLike(results, endpoint)));
  }

  static TargetCheck rss(Comparison comparison) {
    return halfOfOfficial(
        "RSS: Lumen's added peak RSS at most half of the official agent's",
        comparison.added(Figure.PEAK_RSS, LUMEN),
        comparison.added(Figure.PEAK_RSS, OFFICIAL),
        "MB",
        0,
        noise(comparison, Figure.PEAK_RSS));
  }

  static TargetCheck nothingDropped(ApplicationResults results) {
    List<RunMeasurement> lumenRuns = results.runs().get(LUMEN);
    long missing = 0;
    long expected = 0;
    long received = 0;
    for (RunMeasurement run : lumenRuns) {
      long expectedRun = Math.round(run.spansExpected());
      expected += expectedRun;
      received += run.spansReceived();
      missing += Math.max(0, expectedRun - run.spansReceived());
    }
    InstrumentationProfile profile = results.profiles().get(LUMEN);
    boolean anySpans = expected > 0;
    String measured =
        String.format(
            Locale.ROOT,
            "Lumen: %,d spans expected, %,d received over %d runs (%,d missing)",
            expected,
            received,
            lumenRuns.size(),
            missing);
    if (!anySpans) {
      return new TargetCheck(
          "Nothing dropped at saturation",
          measured,
          Verdict.NOT_MEASURED,
          "Lumen produced no spans for these endpoints"
              + (profile == null ? "" : " (see what each configuration instrumented)")
              + ", so nothing could be dropped");
    }
    return new TargetCheck(
        "Nothing dropped at saturation: every span produced reaches the receiver",
        measured,
        Verdict.of(missing == 0),
        "expected = responses × spans per request observed at low load, plus start-up spans");
  }

  static TargetCheck transformer(List<MicroResult> micro) {
    String target = "A loaded class that no instrumentation matches costs the transformer < 1 µs (median)";
    Optional<Summary> none = classDefinition(micro, NONE);
    Optional<Summary> lumen = classDefinition(micro, LUMEN);
    if (none.isEmpty() || lumen.isEmpty()) {
      return new TargetCheck(target, "microbenchmarks not run", Verdict.NOT_MEASURED, "");
    }
    double cost = lumen.get().median() - none.get().median();
    String official =
        classDefinition(micro, OFFICIAL)
            .map(s -> String.format(Locale.ROOT, "; official agent %.0f ns", s.median() - none.get().median()))
            .orElse("");
    return new TargetCheck(
        target,
        String.format(
            Locale.ROOT,
            "Lumen %.0f ns per class (%.0f ns with, %.0f ns without)%s",
            cost,
            lumen.get().median(),
            none.get().median(),
            official),
        Verdict.of(cost < TRANSFORMER_BUDGET_NANOS),
        lumen.get().overlaps(none.get()) ? "ranges with and without Lumen overlap" : "");
  }

  private static Optional<Summary> classDefinition(List<MicroResult> micro, String agent) {
    if (micro == null) {
      return Optional.empty();
    }
    return micro.stream()
        .filter(r -> r.benchmark().equals(ClassDefinitionBenchmark.class.getSimpleName()))
        .filter(r -> r.agent().equals(agent))
        .map(MicroResult::nanosPerOp)
        .findFirst();
  }

  private static TargetCheck halfOfOfficial(
      String target, double lumen, double official, String unit, int decimals, String note) {
    String format = "%+,." + decimals + "f";
    String measured =
        "Lumen "
            + String.format(Locale.ROOT, format, lumen)
            + " "
            + unit
            + ", official "
            + String.format(Locale.ROOT, format, official)
            + " "
            + unit;
    if (official <= 0) {
      return new TargetCheck(
          target,
          measured,
          lumen <= 0 ? Verdict.MET : Verdict.MISSED,
          join("the official agent added nothing measurable", note));
    }
    double share = lumen / official;
    measured += String.format(Locale.ROOT, " (Lumen/official = %.2f)", share);
    String missedBy =
        share > 0.5
            ? String.format(
                Locale.ROOT,
                "over the budget of %." + decimals + "f %s by %." + decimals + "f %s",
                official / 2,
                unit,
                lumen - official / 2,
                unit)
            : "";
    return new TargetCheck(target, measured, Verdict.of(share <= 0.5), join(missedBy, note));
  }

  /** Says so when the median ordering of agents is within their min..max ranges. */
  private static String noise(Comparison comparison, String figure, String first, String second) {
    Summary a = comparison.summary(figure, first);
    Summary b = comparison.summary(figure, second);
    return a.count() > 1 && a.overlaps(b) ? "within noise: the ranges overlap" : "";
  }

  private static String noise(Comparison comparison, String figure) {
    return join(
        noise(comparison, figure, LUMEN, NONE).isEmpty() ? "" : "Lumen's range overlaps no agent's",
        noise(comparison, figure, OFFICIAL, NONE).isEmpty() ? "" : "the official agent's range overlaps no agent's");
  }

  /**
   * A warning when Lumen and the official agent produced different numbers of spans per request
   * on {@code endpoint}: the one that records more also does more work.
   */
  static String likeForLike(ApplicationResults results, String endpoint) {
    InstrumentationProfile lumen = results.profiles().get(LUMEN);
    InstrumentationProfile official = results.profiles().get(OFFICIAL);
    if (lumen == null || official == null) {
      return "";
    }
    double lumenSpans = lumen.spansPerRequest(endpoint);
    double officialSpans = official.spansPerRequest(endpoint);
    if (lumenSpans == officialSpans) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "not like for like: Lumen produced %s spans per request, the official agent %s (%s)",
        number(lumenSpans),
        number(officialSpans),
        lumenSpans < officialSpans ? "flatters Lumen" : "handicaps Lumen");
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String join(String... notes) {
    StringBuilder joined = new StringBuilder();
    for (String note : notes) {
      if (note != null && !note.isEmpty()) {
        if (joined.length() > 0) {
          joined.append("; ");
        }
        joined.append(note);
      }
    }
    return joined.toString();
  }
}
