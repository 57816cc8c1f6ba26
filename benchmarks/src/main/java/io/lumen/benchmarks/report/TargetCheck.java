package io.lumen.benchmarks.report;

/**
 * One target of the issue, checked against what was measured.
 *
 * @param target the target, as the issue states it
 * @param measured the figures it was judged on
 * @param verdict met, missed, or not measured in this run
 * @param note what qualifies the verdict: noise, or a difference in what was instrumented
 */
public record TargetCheck(String target, String measured, Verdict verdict, String note) {

  public enum Verdict {
    MET("met"),
    MISSED("**missed**"),
    NOT_MEASURED("not measured");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public static Verdict of(boolean met) {
      return met ? MET : MISSED;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
