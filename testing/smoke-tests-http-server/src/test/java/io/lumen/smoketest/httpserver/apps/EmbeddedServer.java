package io.lumen.smoketest.httpserver.apps;

import io.lumen.smoketest.httpserver.apps.jakarta.JakartaServletApp;
import io.lumen.smoketest.httpserver.apps.javax.JavaxServletApp;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the test web application in an embedded Tomcat (7 to 11) or Jetty (9.4 to 12) on a free
 * port of 127.0.0.1 and prints {@code READY port=<n>}. Arguments: {@code tomcat|jetty},
 * {@code javax|jakarta}, and optionally {@code spring}.
 *
 * <p>One launcher serves every version: it is compiled against none of them, and the handful of
 * container calls whose signatures name {@code javax} or {@code jakarta} types, or that moved
 * between versions, are made reflectively. The application itself is plain Servlet API.
 */
public final class EmbeddedServer {

  /** Few threads, so that consecutive requests certainly reuse them (context-leak tests). */
  private static final int MAX_THREADS = 4;

  private EmbeddedServer() {}

  public static void main(String[] args) throws Exception {
    String container = args[0];
    boolean jakarta = args[1].equals("jakarta");
    boolean spring = args.length > 2 && args[2].equals("spring");
    int port =
        container.equals("tomcat") ? startTomcat(jakarta, spring) : startJetty(jakarta, spring);
    System.out.println("READY port=" + port);
    System.out.flush();
    // Tomcat's connector threads are daemons: without this the JVM would exit right away.
    Thread.currentThread().join();
  }

  private static int startTomcat(boolean jakarta, boolean spring) throws Exception {
    Class<?> tomcatClass = Class.forName("org.apache.catalina.startup.Tomcat");
    Object tomcat = tomcatClass.getConstructor().newInstance();
    Path baseDir = Files.createTempDirectory("tomcat");
    call(tomcat, "setBaseDir", baseDir.toString());
    call(tomcat, "setPort", 0);
    Object connector = call(tomcat, "getConnector");
    call(connector, "setProperty", "address", "127.0.0.1");
    call(connector, "setProperty", "maxThreads", String.valueOf(MAX_THREADS));
    Object context = call(tomcat, "addContext", "", baseDir.toString());
    Object initializer = jakarta ? new JakartaServletApp(spring) : new JavaxServletApp(spring);
    call(context, "addServletContainerInitializer", initializer, null);
    // A second web application with no servlet at all: Tomcat itself answers 404 there.
    Path bareDir = Files.createDirectories(baseDir.resolve("bare"));
    call(tomcat, "addContext", "/bare", bareDir.toString());
    call(tomcat, "start");
    return (Integer) call(connector, "getLocalPort");
  }

  private static int startJetty(boolean jakarta, boolean spring) throws Exception {
    Class<?> serverClass = Class.forName("org.eclipse.jetty.server.Server");
    Object server = serverClass.getConstructor().newInstance();
    Class<?> threadPool = Class.forName("org.eclipse.jetty.util.thread.QueuedThreadPool");
    Object pool = call(server, "getThreadPool");
    if (threadPool.isInstance(pool)) {
      // Jetty needs a few threads of its own for acceptors and selectors.
      call(pool, "setMaxThreads", MAX_THREADS + 8);
    }
    Class<?> connectorClass = Class.forName("org.eclipse.jetty.server.ServerConnector");
    Object connector = connectorClass.getConstructor(serverClass).newInstance(server);
    call(connector, "setHost", "127.0.0.1");
    call(connector, "setPort", 0);
    call(server, "addConnector", connector);

    Class<?> handlerClass;
    try {
      handlerClass = Class.forName("org.eclipse.jetty.ee10.servlet.ServletContextHandler");
    } catch (ClassNotFoundException beforeJetty12) {
      handlerClass = Class.forName("org.eclipse.jetty.servlet.ServletContextHandler");
    }
    Object handler = handlerClass.getConstructor().newInstance();
    call(handler, "setContextPath", "/");
    call(server, "setHandler", handler);
    // Jetty lets listeners it was given before starting register servlets as it starts.
    Object listener = jakarta ? new JakartaServletApp(spring) : new JavaxServletApp(spring);
    call(handler, "addEventListener", listener);
    call(server, "start");
    return (Integer) call(connector, "getLocalPort");
  }

  /** Calls the public method {@code name} whose parameters accept {@code args}. */
  private static Object call(Object target, String name, Object... args) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && accepts(method.getParameterTypes(), args)) {
        return method.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "#" + name);
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    if (types.length != args.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
      if (args[i] != null && !type.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> boxed(Class<?> primitive) {
    if (primitive == int.class) {
      return Integer.class;
    }
    if (primitive == boolean.class) {
      return Boolean.class;
    }
    if (primitive == long.class) {
      return Long.class;
    }
    return primitive;
  }

}
