package io.lumen.benchmarks.report;

import io.lumen.benchmarks.AgentUnderTest;
import io.lumen.benchmarks.app.RunMeasurement;
import io.lumen.benchmarks.stats.Summary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each figure of the application benchmark summarized per configuration, and compared with no
 * agent: the ratio of medians, and the amount an agent adds.
 */
public final class Comparison {

  private final List<Figure> figures;
  private final Map<String, Map<String, Summary>> summaries = new LinkedHashMap<>();

  /**
   * @param runs each configuration's runs by key; must contain {@link AgentUnderTest#NONE}
   */
  public Comparison(List<Figure> figures, Map<String, List<RunMeasurement>> runs) {
    if (!runs.containsKey(AgentUnderTest.NONE)) {
      throw new IllegalArgumentException("ratios need the runs without an agent");
    }
    this.figures = figures;
    for (Figure figure : figures) {
      Map<String, Summary> byAgent = new LinkedHashMap<>();
      runs.forEach(
          (agent, agentRuns) ->
              byAgent.put(
                  agent,
                  Summary.of(agentRuns.stream().mapToDouble(figure.value()).toArray())));
      summaries.put(figure.key(), byAgent);
    }
  }

  public List<Figure> figures() {
    return figures;
  }

  public Figure figure(String key) {
    return figures.stream()
        .filter(figure -> figure.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no figure " + key));
  }

  public Summary summary(String figure, String agent) {
    Map<String, Summary> byAgent = summaries.get(figure);
    if (byAgent == null || !byAgent.containsKey(agent)) {
      throw new IllegalArgumentException("no " + figure + " for " + agent);
    }
    return byAgent.get(agent);
  }

  /** The figure's values for {@code agent} divided by the median without an agent. */
  public Summary ratio(String figure, String agent) {
    return summary(figure, agent).relativeTo(summary(figure, AgentUnderTest.NONE));
  }

  /** Median with {@code agent} minus median without an agent. */
  public double added(String figure, String agent) {
    return summary(figure, agent).median() - summary(figure, AgentUnderTest.NONE).median();
  }
}
