package io.lumen.smoketest.reliability.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reliability tests measured, for {@code docs/reliability.md}. A test records its figures
 * once its assertions passed, so the report only ever shows what was proven.
 *
 * <pre>{@code
 * ReliabilityReport.entry("Collector down for 30 s under load")
 *     .proves("the app serves every request; one warning; export resumes")
 *     .figure("requests served", served)
 *     .figure("p99 during the outage", p99 + " ms")
 *     .record();
 * }</pre>
 */
public final class ReliabilityReport {

  private static final List<Entry> entries = new ArrayList<>();

  private ReliabilityReport() {}

  public static Entry entry(String title) {
    return new Entry(title);
  }

  static synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** One test's section of the report. */
  public static final class Entry {
    final String title;
    String proves = "";
    final Map<String, String> figures = new LinkedHashMap<>();

    private Entry(String title) {
      this.title = title;
    }

    public Entry proves(String text) {
      this.proves = text;
      return this;
    }

    public Entry figure(String name, Object value) {
      figures.put(name, String.valueOf(value));
      return this;
    }

    public void record() {
      synchronized (ReliabilityReport.class) {
        entries.removeIf(entry -> entry.title.equals(title));
        entries.add(this);
      }
    }
  }
}
