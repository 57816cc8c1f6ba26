package io.lumen.smoketest.reliability.apps;

import io.lumen.smoketest.reliability.apps.webapp.HelloServlet;
import java.io.File;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.Wrapper;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.Tomcat;

/**
 * Deploys a webapp into embedded Tomcat, calls it, and undeploys it, {@code args[0]} times, each
 * deployment with its own webapp class loader; then checks, through weak references and a bounded
 * number of full collections, that no deployment's class loader is still reachable.
 *
 * <p>Prints {@code DEPLOYED i <answer>} per round and {@code COLLECTED n/total} at the end.
 */
public final class TomcatRedeployApp {

  private static final int MAX_GC_ATTEMPTS = 30;

  private TomcatRedeployApp() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Path base = Files.createTempDirectory("tomcat-redeploy");
    Path webapp = createWebapp(base.resolve("webapp"));
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.resolve("tomcat").toString());
    tomcat.setPort(0);
    tomcat.getConnector();
    tomcat.start();
    int port = tomcat.getConnector().getLocalPort();

    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      loaders.add(new WeakReference<>(deployCallUndeploy(tomcat, webapp, port, round)));
    }

    int collected = 0;
    for (int attempt = 1; attempt <= MAX_GC_ATTEMPTS; attempt++) {
      System.gc();
      Thread.sleep(100);
      collected = (int) loaders.stream().filter(reference -> reference.get() == null).count();
      if (collected == rounds) {
        break;
      }
    }
    System.out.println("COLLECTED " + collected + "/" + rounds);
    tomcat.stop();
    tomcat.destroy();
  }

  private static ClassLoader deployCallUndeploy(Tomcat tomcat, Path webapp, int port, int round)
      throws Exception {
    String path = "/app" + round;
    StandardContext context = new StandardContext();
    context.setName(path);
    context.setPath(path);
    context.setDocBase(webapp.toString());
    context.addLifecycleListener(new Tomcat.FixContextListener());
    context.setLoader(new WebappLoader());
    Wrapper servlet = Tomcat.addServlet(context, "hello", HelloServlet.class.getName());
    servlet.setLoadOnStartup(1);
    context.addServletMappingDecoded("/hello", "hello");
    tomcat.getHost().addChild(context); // starts it
    String answer = get(new URL("http://127.0.0.1:" + port + path + "/hello"));
    ClassLoader loader = context.getLoader().getClassLoader();
    System.out.println("DEPLOYED " + round + " " + answer + " loader=" + loader.getClass().getName());
    tomcat.getHost().removeChild(context);
    context.destroy();
    return loader;
  }

  private static String get(URL url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    try (InputStream in = connection.getInputStream()) {
      return connection.getResponseCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }

  /** A webapp directory with the servlet's class file under WEB-INF/classes. */
  private static Path createWebapp(Path root) throws Exception {
    String resource = HelloServlet.class.getName().replace('.', '/') + ".class";
    Path target = root.resolve("WEB-INF/classes").resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = TomcatRedeployApp.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    new File(root.toFile(), "index.html").createNewFile();
    return root;
  }
}
