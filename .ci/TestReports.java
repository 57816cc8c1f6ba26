import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the surefire and failsafe XML reports a build wrote and says what CI needs to know: which
 * tests failed, which were skipped because a local service was unavailable, and one last line
 * {@code N passed, N failed, N skipped}.
 *
 * <pre>
 * java .ci/TestReports.java ROOT [NEWER_THAN_FILE]
 * </pre>
 *
 * <p>Only reports modified after {@code NEWER_THAN_FILE} count, so that stale reports of an
 * earlier local build do not. Exits with 3 if any test was skipped for an unavailable service, else
 * 0: whether the build failed is Maven's exit code to tell.
 *
 * <p>A service skip is a {@code <skipped>} whose message starts with {@code Service unavailable:}
 * (a JUnit {@code ExecutionCondition} that disabled the test) or whose text holds {@code
 * Assumption failed: Service unavailable:} (an {@code Assumptions} call in the test or in
 * {@code @BeforeEach}).
 */
public final class TestReports {

  private static final String SERVICE_UNAVAILABLE = "Service unavailable:";

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    FileTime newerThan =
        args.length > 1 ? Files.getLastModifiedTime(Path.of(args[1])) : FileTime.fromMillis(0);

    int passed = 0;
    List<String> failed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> serviceSkipped = new ArrayList<>();
    for (Path report : reports(root, newerThan)) {
      NodeList testCases =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(report.toFile())
              .getElementsByTagName("testcase");
      for (int i = 0; i < testCases.getLength(); i++) {
        Element testCase = (Element) testCases.item(i);
        String name = testCase.getAttribute("classname") + "." + testCase.getAttribute("name");
        Element skip = child(testCase, "skipped");
        if (child(testCase, "failure") != null || child(testCase, "error") != null) {
          failed.add(name);
        } else if (skip != null) {
          skipped.add(name);
          String reason = serviceUnavailableReason(skip);
          if (reason != null) {
            serviceSkipped.add(name + ": " + reason);
          }
        } else {
          passed++;
        }
      }
    }

    if (!failed.isEmpty()) {
      System.out.println("Failed tests (" + failed.size() + "):");
      failed.forEach(name -> System.out.println("  " + name));
    }
    if (!serviceSkipped.isEmpty()) {
      System.out.println(
          "FAILED: tests skipped because a service was unavailable (" + serviceSkipped.size()
              + "); CI requires every service:");
      serviceSkipped.forEach(line -> System.out.println("  " + line));
    }
    System.out.println(passed + " passed, " + failed.size() + " failed, " + skipped.size()
        + " skipped");
    System.exit(serviceSkipped.isEmpty() ? 0 : 3);
  }

  private static List<Path> reports(Path root, FileTime newerThan) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("TEST-"))
          .filter(file -> file.getFileName().toString().endsWith(".xml"))
          .filter(file -> isReportDirectory(file.getParent()))
          .filter(file -> isNewer(file, newerThan))
          .sorted()
          .toList();
    }
  }

  private static boolean isReportDirectory(Path directory) {
    String name = directory.getFileName().toString();
    Path target = directory.getParent();
    return (name.equals("surefire-reports") || name.equals("failsafe-reports"))
        && target != null
        && target.getFileName().toString().equals("target");
  }

  private static boolean isNewer(Path file, FileTime newerThan) {
    try {
      return Files.getLastModifiedTime(file).compareTo(newerThan) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String serviceUnavailableReason(Element skip) {
    String message = skip.getAttribute("message");
    if (message.startsWith(SERVICE_UNAVAILABLE)) {
      return message;
    }
    String text = skip.getTextContent();
    int start = text.indexOf("Assumption failed: " + SERVICE_UNAVAILABLE);
    if (start < 0) {
      return null;
    }
    String reason = text.substring(start + "Assumption failed: ".length());
    int end = reason.indexOf('\n');
    return (end < 0 ? reason : reason.substring(0, end)).trim();
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
