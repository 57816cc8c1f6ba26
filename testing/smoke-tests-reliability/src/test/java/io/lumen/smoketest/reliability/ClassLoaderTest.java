package io.lumen.smoketest.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumen.smoketest.reliability.apps.ParallelClassLoadingApp;
import io.lumen.smoketest.reliability.apps.TomcatRedeployApp;
import io.lumen.smoketest.reliability.report.ReliabilityReport;
import io.lumen.smoketest.reliability.support.AgentUnderTest;
import io.lumen.smoketest.reliability.support.TestApps;
import io.lumen.testing.agent.ForkedJvm;
import io.lumen.testing.agent.ForkedJvmBuilder;
import io.lumen.testing.agent.OtlpProtocol;
import io.lumen.testing.receiver.OtlpReceiver;
import io.lumen.testing.receiver.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent keeps per-class-loader state (module class loaders, virtual fields, caches) only
 * weakly, and its transformer takes no lock an application's class loading could deadlock on.
 */
class ClassLoaderTest {

  private static final int REDEPLOYS = 20;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void aWebappRedeployedTwentyTimesLeavesNoClassLoaderPinned() {
    int withoutAgent;
    try (ForkedJvm app = tomcat(ForkedJvm.builder().withoutAgent()).start()) {
      assertThat(app.waitForExit(TIMEOUT)).as(app.describeOutput()).isZero();
      withoutAgent = collected(app);
    }
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ForkedJvm app =
            tomcat(
                    ForkedJvm.builder()
                        .agent(AgentUnderTest.jar())
                        .exportTo(receiver, OtlpProtocol.GRPC)
                        .serviceName("tomcat-redeploy"))
                .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as(app.describeOutput()).isZero();
      int withAgent = collected(app);
      assertThat(app.stdout()).contains("DEPLOYED " + REDEPLOYS + " 200 hello from");
      assertThat(withoutAgent).as("the baseline: Tomcat itself pins nothing").isEqualTo(REDEPLOYS);
      assertThat(withAgent).as("webapp class loaders collected with the agent").isEqualTo(REDEPLOYS);

      // Whether the servlet instrumentation traced the webapps (it is optional for this test).
      List<ReceivedSpan> servletSpans =
          receiver.spans(
              span -> span.kind() == ReceivedSpan.Kind.SERVER
                  && String.valueOf(span.attribute("url.path")).endsWith("/hello"));
      ReliabilityReport.entry("2.1 Class loaders: a webapp redeployed 20 times in Tomcat")
          .proves(
              "Embedded Tomcat 10.1 deploys a webapp in its own class loader, serves a request"
                  + " from it and undeploys it, 20 times, under the agent; then, after at most 30"
                  + " full collections, a weak reference to each webapp class loader is clear:"
                  + " the agent pins none. The same run without the agent is the baseline.")
          .figure("webapp class loaders collected, without the agent", withoutAgent + "/" + REDEPLOYS)
          .figure("webapp class loaders collected, with the agent", withAgent + "/" + REDEPLOYS)
          .figure("server spans of the webapps received (servlet instrumentation)",
              servletSpans.size())
          .record();
    }
  }

  @Test
  void parallelClassLoadingFromManyThreadsNeverDeadlocks() {
    try (ForkedJvm app =
        ForkedJvm.builder()
            .agent(AgentUnderTest.jar())
            .environment("OTEL_TRACES_EXPORTER", "none")
            .environment("OTEL_METRICS_EXPORTER", "none")
            .environment("OTEL_LOGS_EXPORTER", "none")
            .mainClass(ParallelClassLoadingApp.class)
            .addClassPathOf(ParallelClassLoadingApp.class)
            .args(
                TestApps.lib("tomcat-embed-core-").toString(),
                TestApps.lib("tomcat-annotations-api-").toString(),
                TestApps.lib("h2-").toString())
            .start()) {
      assertThat(app.waitForExit(TIMEOUT)).as(app.describeOutput()).isZero();
      assertThat(app.stdout()).doesNotContain("DEADLOCK").contains("LOADED ");
      Matcher loaded = Pattern.compile("LOADED (\\d+) CLASSES of (\\d+) x (\\d+)").matcher(app.stdout());
      assertThat(loaded.find()).isTrue();

      ReliabilityReport.entry("2.2 Class loaders: parallel class loading")
          .proves(
              "16 threads load every class of Tomcat, its annotations API and H2 at once, through"
                  + " 4 shared class loaders, each thread in its own order, while the agent"
                  + " transforms what its modules match; a watchdog asks the JVM for deadlocked"
                  + " threads every 200 ms. None, and every thread finishes.")
          .figure("classes loaded (sum over threads)", loaded.group(1))
          .figure("classes in the jars / threads", loaded.group(2) + " / " + loaded.group(3))
          .record();
    }
  }

  private static ForkedJvmBuilder tomcat(ForkedJvmBuilder builder) {
    return builder
        .mainClass(TomcatRedeployApp.class)
        .addClassPathOf(TomcatRedeployApp.class)
        .addClassPath(TestApps.tomcat())
        .addJvmArgs("-Xmx256m")
        .args(String.valueOf(REDEPLOYS))
        .echoOutput(false);
  }

  private static int collected(ForkedJvm app) {
    Matcher matcher = Pattern.compile("COLLECTED (\\d+)/(\\d+)").matcher(app.stdout());
    assertThat(matcher.find()).as(app.describeOutput()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }
}
