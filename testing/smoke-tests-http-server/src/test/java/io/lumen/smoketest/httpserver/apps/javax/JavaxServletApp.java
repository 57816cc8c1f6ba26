package io.lumen.smoketest.httpserver.apps.javax;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import javax.servlet.ServletException;
import javax.servlet.ServletRegistration;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A small {@code javax.servlet} web application with no knowledge of any agent: two filters in
 * front of servlets mapped every way the specification allows, a servlet that forwards and one
 * that includes, asynchronous servlets, one that throws, and a default servlet that answers 404.
 * Registered programmatically so that any container can run it (see {@code EmbeddedServer}): as an
 * initializer where the container takes one (Tomcat), as a listener elsewhere (Jetty).
 *
 * <p>The jakarta containers run {@code apps.jakarta.JakartaServletApp}, which the build generates
 * from this source (see this module's pom.xml): so it uses only what Servlet 3.0 to 6.1 all have.
 */
public final class JavaxServletApp implements ServletContainerInitializer, ServletContextListener {

  private static final ExecutorService worker = Executors.newSingleThreadExecutor();

  private final boolean spring;

  /** With {@code spring}, Spring Web MVC serves the default mapping (see {@link #register}). */
  public JavaxServletApp(boolean spring) {
    this.spring = spring;
  }

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    register(context, spring);
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    register(event.getServletContext(), spring);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {}

  /**
   * Registers the application; with {@code spring}, a Spring {@code DispatcherServlet} serving the
   * annotated controllers of {@code SpringMvcApp} takes the default mapping instead.
   */
  static void register(ServletContext context, boolean spring) {
    filter(context, "audit", new AuditFilter());
    filter(context, "headers", new ServedByFilter());
    servlet(context, "hello", new HelloServlet(), "/hello");
    servlet(context, "users", new HelloServlet(), "/users/*");
    servlet(context, "fail", new FailingServlet(), "/fail");
    servlet(context, "forward", new ForwardingServlet(), "/forward");
    servlet(context, "include", new IncludingServlet(), "/include");
    servlet(context, "async", new AsyncServlet(), "/async");
    servlet(context, "asyncDispatch", new AsyncDispatchServlet(), "/async-dispatch");
    if (ContextLeakingServlet.API_PRESENT) {
      // by name: the class links the OpenTelemetry API, which only some runs put on the class path
      context
          .addServlet("leaky", ContextLeakingServlet.class.getName())
          .addMapping("/leaky");
    }
    if (spring) {
      ServletRegistration.Dynamic dispatcher =
          context.addServlet("dispatcher", "org.springframework.web.servlet.DispatcherServlet");
      dispatcher.setInitParameter(
          "contextClass",
          "org.springframework.web.context.support.AnnotationConfigWebApplicationContext");
      dispatcher.setInitParameter(
          "contextConfigLocation", "io.lumen.smoketest.httpserver.apps.spring.SpringMvcApp");
      dispatcher.setLoadOnStartup(1);
      dispatcher.setAsyncSupported(true);
      dispatcher.addMapping("/");
    } else {
      servlet(context, "default", new NotFoundServlet(), "/");
    }
  }

  private static void filter(ServletContext context, String name, Filter filter) {
    FilterRegistration.Dynamic registration = context.addFilter(name, filter);
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }

  private static void servlet(
      ServletContext context, String name, HttpServlet servlet, String pattern) {
    ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
    registration.setAsyncSupported(true);
    registration.addMapping(pattern);
  }

  static void write(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain");
    response.getWriter().print(body);
  }

  /** Passes every request on, as logging and security filters do. */
  static final class AuditFilter implements Filter {
    @Override
    public void init(FilterConfig config) {}

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request, response);
    }

    @Override
    public void destroy() {}
  }

  /** Adds a response header before passing the request on. */
  static final class ServedByFilter implements Filter {
    @Override
    public void init(FilterConfig config) {}

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      ((HttpServletResponse) response).setHeader("X-Served-By", "servlet-app");
      chain.doFilter(request, response);
    }

    @Override
    public void destroy() {}
  }

  static final class HelloServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      write(response, 200, "hello");
    }
  }

  static final class FailingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("servlet failed");
    }
  }

  static final class ForwardingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      request.getRequestDispatcher("/hello").forward(request, response);
    }
  }

  static final class IncludingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      response.setContentType("text/plain");
      request.getRequestDispatcher("/hello").include(request, response);
    }
  }

  /** Answers from another thread, after this one has returned to the container. */
  static final class AsyncServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      worker.execute(
          () -> {
            try {
              TimeUnit.MILLISECONDS.sleep(50);
              write((HttpServletResponse) async.getResponse(), 200, "async");
            } catch (IOException | InterruptedException e) {
              throw new IllegalStateException(e);
            } finally {
              async.complete();
            }
          });
    }
  }

  /** Goes asynchronous, then has the container dispatch the request to another servlet. */
  static final class AsyncDispatchServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      worker.execute(() -> async.dispatch("/hello"));
    }
  }

  /**
   * Answers the trace id the application sees as current, then leaves a context of its own current
   * on the container's thread, never closing the scope: the bug the agent must survive.
   */
  public static final class ContextLeakingServlet extends HttpServlet {
    static final boolean API_PRESENT = isPresent("io.opentelemetry.api.trace.Span");
    public static final String LEAKED_TRACE_ID = "ffffffffffffffffffffffffffffff01";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      write(response, 200, io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
      io.opentelemetry.api.trace.Span.wrap(
              io.opentelemetry.api.trace.SpanContext.create(
                  LEAKED_TRACE_ID,
                  "ffffffffffffff01",
                  io.opentelemetry.api.trace.TraceFlags.getSampled(),
                  io.opentelemetry.api.trace.TraceState.getDefault()))
          .makeCurrent();
    }

    private static boolean isPresent(String className) {
      try {
        Class.forName(className, false, ContextLeakingServlet.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        return false;
      }
    }
  }

  /** What a container's default servlet does for a path nothing else maps: 404. */
  static final class NotFoundServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.sendError(404);
    }
  }
}
