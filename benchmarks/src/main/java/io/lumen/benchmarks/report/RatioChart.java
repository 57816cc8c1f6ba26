package io.lumen.benchmarks.report;

import io.lumen.benchmarks.stats.Summary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Bars of ratios to no agent, one bar per configuration for each figure, on a logarithmic axis
 * (twice as slow and twice as fast are the same distance from 1), with whiskers from the lowest
 * to the highest round. Drawn with Java 2D, headless, so the report needs nothing but a JDK.
 */
public final class RatioChart {

  private static final Color[] SERIES_COLORS = {
    new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x72, 0xB2), new Color(0x00, 0x9E, 0x73)
  };
  private static final int WIDTH = 1600;
  private static final int PANEL_HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;

  /**
   * One chart panel.
   *
   * @param title drawn above the panel
   * @param groups the figures along the x axis
   * @param series per configuration label, one ratio per group (null where there is none)
   */
  public record Panel(String title, List<String> groups, Map<String, List<Summary>> series) {

    public Panel {
      for (List<Summary> values : series.values()) {
        if (values.size() != groups.size()) {
          throw new IllegalArgumentException("a series needs one value per group");
        }
      }
      series = new LinkedHashMap<>(series);
    }
  }

  private final List<Panel> panels = new ArrayList<>();

  public RatioChart add(Panel panel) {
    panels.add(panel);
    return this;
  }

  public boolean isEmpty() {
    return panels.isEmpty();
  }

  /** Writes the chart as a PNG. */
  public void write(Path file) throws IOException {
    BufferedImage image =
        new BufferedImage(WIDTH, PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < panels.size(); i++) {
        draw(g, panels.get(i), i * PANEL_HEIGHT);
      }
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private static void draw(Graphics2D g, Panel panel, int offsetY) {
    int plotTop = offsetY + TOP;
    int plotBottom = offsetY + PANEL_HEIGHT - BOTTOM;
    int plotLeft = LEFT;
    int plotRight = WIDTH - RIGHT;

    double max = 2;
    double min = 0.5;
    for (List<Summary> values : panel.series().values()) {
      for (Summary value : values) {
        if (value != null) {
          max = Math.max(max, value.max());
          min = Math.min(min, Math.max(value.min(), 1e-3));
        }
      }
    }
    double logMin = Math.floor(log2(min));
    double logMax = Math.ceil(log2(max));
    Axis axis = new Axis(logMin, logMax, plotTop, plotBottom);

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(panel.title(), plotLeft, offsetY + 25);

    // Grid lines at powers of two, the 1× line (no agent) in black.
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double exponent = logMin; exponent <= logMax; exponent++) {
      int y = axis.y(Math.pow(2, exponent));
      g.setColor(exponent == 0 ? Color.BLACK : new Color(0xDD, 0xDD, 0xDD));
      g.setStroke(new BasicStroke(exponent == 0 ? 2f : 1f));
      g.drawLine(plotLeft, y, plotRight, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(axisLabel(exponent), 10, y + 4);
    }

    // Legend, right-aligned.
    FontMetrics legendMetrics = g.getFontMetrics();
    int legendWidth = 0;
    for (String label : panel.series().keySet()) {
      legendWidth += 20 + legendMetrics.stringWidth(label) + 24;
    }
    int legendX = plotRight - legendWidth;
    int seriesIndex = 0;
    for (String label : panel.series().keySet()) {
      g.setColor(SERIES_COLORS[seriesIndex % SERIES_COLORS.length]);
      g.fillRect(legendX, offsetY + 14, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(label, legendX + 20, offsetY + 26);
      legendX += 20 + legendMetrics.stringWidth(label) + 24;
      seriesIndex++;
    }

    int groups = panel.groups().size();
    double groupWidth = (double) (plotRight - plotLeft) / groups;
    int seriesCount = panel.series().size();
    double barWidth = groupWidth * 0.7 / seriesCount;
    FontMetrics metrics = g.getFontMetrics();
    for (int group = 0; group < groups; group++) {
      double groupLeft = plotLeft + group * groupWidth + groupWidth * 0.15;
      int s = 0;
      for (List<Summary> values : panel.series().values()) {
        Summary value = values.get(group);
        int x = (int) Math.round(groupLeft + s * barWidth);
        int width = (int) Math.max(2, barWidth - 2);
        if (value != null) {
          int yValue = axis.y(value.median());
          int yOne = axis.y(1);
          g.setColor(SERIES_COLORS[s % SERIES_COLORS.length]);
          g.fillRect(x, Math.min(yValue, yOne), width, Math.max(1, Math.abs(yOne - yValue)));
          // Whisker: the lowest to the highest round.
          g.setColor(Color.BLACK);
          g.setStroke(new BasicStroke(1f));
          int center = x + width / 2;
          int yMin = axis.y(Math.max(value.min(), 1e-3));
          int yMax = axis.y(value.max());
          g.drawLine(center, yMin, center, yMax);
          g.drawLine(center - 3, yMin, center + 3, yMin);
          g.drawLine(center - 3, yMax, center + 3, yMax);
          String text = ratioLabel(value.median());
          g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
          int textY = value.median() >= 1 ? Math.min(yValue, yMax) - 4 : Math.max(yValue, yMin) + 12;
          g.drawString(text, center - g.getFontMetrics().stringWidth(text) / 2, textY);
        }
        s++;
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(Color.BLACK);
      drawWrapped(
          g,
          panel.groups().get(group),
          (int) (plotLeft + group * groupWidth + groupWidth / 2),
          plotBottom + 18,
          (int) groupWidth - 4,
          metrics);
    }
  }

  private static void drawWrapped(
      Graphics2D g, String text, int centerX, int y, int width, FontMetrics metrics) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (metrics.stringWidth(candidate) > width && line.length() > 0) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    for (int i = 0; i < lines.size(); i++) {
      String part = lines.get(i);
      g.drawString(part, centerX - metrics.stringWidth(part) / 2, y + i * 14);
    }
  }

  static String ratioLabel(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "×%.0f" : "×%.2f", ratio);
  }

  /** {@code ×8}, {@code ×1}, {@code ×0.5}, {@code ×0.125}: a power of two without padding. */
  static String axisLabel(double exponent) {
    double value = Math.pow(2, exponent);
    return exponent >= 0
        ? String.format(Locale.ROOT, "×%.0f", value)
        : "×" + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }

  /** Maps ratios to pixel rows on a log-2 scale. */
  private record Axis(double logMin, double logMax, int top, int bottom) {

    int y(double ratio) {
      double fraction = (log2(ratio) - logMin) / (logMax - logMin);
      return (int) Math.round(bottom - fraction * (bottom - top));
    }
  }
}
