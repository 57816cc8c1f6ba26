package io.lumen.instrumentation.javahttpserver.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent part without an agent: the matchers against the JDK's real server classes, and the
 * advice woven by Byte Buddy into a server class, as the agent would (but called directly rather
 * than through {@code invokedynamic}). The agent-mode end-to-end test is in testing/smoke-tests.
 */
class HttpServerInstrumentationTest {

  private static final HttpHandler OK =
      exchange -> {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      };

  private final HttpServerInstrumentation instrumentation = new HttpServerInstrumentation();
  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void matchesEveryConcreteServerAndNothingElse() throws Exception {
    ElementMatcher<TypeDescription> matcher = instrumentation.typeMatcher();

    assertThat(matcher.matches(type("sun.net.httpserver.HttpServerImpl"))).isTrue();
    assertThat(matcher.matches(type("sun.net.httpserver.HttpsServerImpl"))).isTrue();
    assertThat(matcher.matches(TypeDescription.ForLoadedType.of(DelegatingHttpServer.class)))
        .isTrue();
    assertThat(matcher.matches(TypeDescription.ForLoadedType.of(HttpServer.class))).isFalse();
    assertThat(matcher.matches(TypeDescription.ForLoadedType.of(HttpsServer.class))).isFalse();
    assertThat(matcher.matches(TypeDescription.ForLoadedType.of(HttpContext.class))).isFalse();
  }

  /**
   * The JDK's server narrows the return type to its {@code HttpContextImpl}: the overrides are
   * advised, not the bridge methods that call them.
   */
  @Test
  void advisesBothCreateContextOverloadsAndNoOtherMethod() throws Exception {
    TypeDescription jdkServer = type("sun.net.httpserver.HttpServerImpl");

    List<String> advised =
        jdkServer.getDeclaredMethods().filter(HttpServerInstrumentation.createContext()).stream()
            .map(MethodDescription::toGenericString)
            .collect(Collectors.toList());

    assertThat(advised)
        .containsExactlyInAnyOrder(
            "public sun.net.httpserver.HttpContextImpl sun.net.httpserver.HttpServerImpl"
                + ".createContext(java.lang.String,com.sun.net.httpserver.HttpHandler)",
            "public sun.net.httpserver.HttpContextImpl sun.net.httpserver.HttpServerImpl"
                + ".createContext(java.lang.String)");
  }

  @Test
  void everyCreatedContextStartsWithTheTelemetryFilter() throws Exception {
    HttpServer server = advised(jdkServer());

    HttpContext withHandler = server.createContext("/orders", OK);
    HttpContext withoutHandler = server.createContext("/users");

    assertThat(withHandler.getFilters()).containsExactly(JavaHttpServerSingletons.filter());
    assertThat(withoutHandler.getFilters()).containsExactly(JavaHttpServerSingletons.filter());
  }

  @Test
  void aServerDelegatingToAnInstrumentedServerGetsTheFilterOnce() throws Exception {
    HttpServer inner = advised(jdkServer());
    HttpServer outer = advised(inner);

    HttpContext context = outer.createContext("/", OK);

    assertThat(context.getFilters()).containsExactly(JavaHttpServerSingletons.filter());
  }

  @Test
  void aRejectedContextFailsExactlyAsWithoutTheAgent() throws Exception {
    HttpServer server = advised(jdkServer());

    assertThatThrownBy(() -> server.createContext("no-leading-slash", OK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Illegal value for path or protocol");
  }

  /** The rules of indy advice: see io.lumen.agent.extension.InstrumentationModule. */
  @Test
  void adviceCanBeCalledFromTheJdkServerClasses() {
    assertThat(Modifier.isPublic(CreateContextAdvice.class.getModifiers())).isTrue();
    List<Method> adviceMethods =
        Arrays.stream(CreateContextAdvice.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(Advice.OnMethodExit.class))
            .collect(Collectors.toList());
    assertThat(adviceMethods).hasSize(1);
    Method exit = adviceMethods.get(0);
    Advice.OnMethodExit annotation = exit.getAnnotation(Advice.OnMethodExit.class);

    assertThat(Modifier.isPublic(exit.getModifiers()) && Modifier.isStatic(exit.getModifiers()))
        .isTrue();
    assertThat(annotation.inline()).isFalse();
    assertThat(annotation.suppress()).isEqualTo(Throwable.class);
    assertThat(annotation.onThrowable()).isEqualTo(Throwable.class);
    assertThat(exit.getReturnType()).isEqualTo(void.class);
    // Only types the server's own class loader can resolve.
    assertThat(exit.getParameterTypes())
        .allSatisfy(
            type ->
                assertThat(type.getClassLoader())
                    .isSameAs(HttpServer.class.getClassLoader()));
  }

  private HttpServer jdkServer() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    servers.add(server);
    return server;
  }

  /** A {@link DelegatingHttpServer} around {@code delegate}, its class woven with the advice. */
  private static HttpServer advised(HttpServer delegate) throws Exception {
    Class<? extends DelegatingHttpServer> woven =
        new ByteBuddy()
            .redefine(DelegatingHttpServer.class)
            .visit(
                Advice.to(CreateContextAdvice.class).on(HttpServerInstrumentation.createContext()))
            .make()
            .load(
                HttpServerInstrumentationTest.class.getClassLoader(),
                ClassLoadingStrategy.Default.CHILD_FIRST)
            .getLoaded();
    return woven.getConstructor(HttpServer.class).newInstance(delegate);
  }

  private static TypeDescription type(String className) throws ClassNotFoundException {
    return TypeDescription.ForLoadedType.of(Class.forName(className));
  }
}
