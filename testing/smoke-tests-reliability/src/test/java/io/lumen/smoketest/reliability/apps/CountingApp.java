package io.lumen.smoketest.reliability.apps;

/**
 * Calls {@link Target#twice} {@value #CALLS} times on one thread, checks every result, and prints
 * {@code RESULTS OK} and how often the test extension's advice ran ({@code ADVICE RUNS n}, from a
 * system property the advice counts in).
 */
public final class CountingApp {

  public static final int CALLS = 1_000;
  public static final String ADVICE_RUNS_PROPERTY = "lumen.test.failing-advice.runs";

  private CountingApp() {}

  public static void main(String[] args) {
    for (int i = 0; i < CALLS; i++) {
      int result = Target.twice(i);
      if (result != 2 * i) {
        throw new AssertionError("twice(" + i + ") returned " + result);
      }
    }
    System.out.println("RESULTS OK");
    System.out.println("ADVICE RUNS " + Integer.getInteger(ADVICE_RUNS_PROPERTY, 0));
  }

  /** The instrumented method. */
  public static final class Target {
    private Target() {}

    public static int twice(int value) {
      return 2 * value;
    }
  }
}
