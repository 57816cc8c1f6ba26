package io.lumen.instrumentation.opentelemetryapi.v1_0.context;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;

/**
 * The application's context storage while the agent is attached: it keeps nothing of its own and
 * reads and writes the agent's current context instead, so that the application and the agent have
 * one current context.
 *
 * <p>The agent installs it as the innermost wrapper of the application's storage (wrappers the
 * application adds itself still wrap it). Making an application context current makes its agent
 * counterpart current, with the application's own values carried inside; reading the current
 * context wraps the agent's current context. A span the agent's instrumentation made current is
 * therefore {@code Span.current()} in application code, and a span the application made current is
 * the parent of the agent's next span.
 */
public final class AgentContextStorage
    implements application.io.opentelemetry.context.ContextStorage {

  /** Where an agent context carries the application's own (not shared) context values. */
  static final ContextKey<application.io.opentelemetry.context.Context> APPLICATION_CONTEXT =
      ContextKey.named("lumen-application-context");

  private final application.io.opentelemetry.context.Context root;

  private AgentContextStorage(application.io.opentelemetry.context.ContextStorage replaced) {
    application.io.opentelemetry.context.Context applicationRoot = unwrappedRoot(replaced);
    ContextBridge.setApplicationRoot(applicationRoot);
    this.root = new BridgedContext(Context.root(), applicationRoot);
  }

  /**
   * The wrapper to put first into the application's list of storage wrappers. It ignores the
   * storage it is given: the agent's storage replaces it.
   */
  public static Function<
          ? super application.io.opentelemetry.context.ContextStorage,
          ? extends application.io.opentelemetry.context.ContextStorage>
      replacingWrapper() {
    return AgentContextStorage::new;
  }

  @Override
  public application.io.opentelemetry.context.Scope attach(
      application.io.opentelemetry.context.Context toAttach) {
    if (toAttach == null) {
      return application.io.opentelemetry.context.Scope.noop();
    }
    Scope agentScope = ContextBridge.toAgent(toAttach).makeCurrent();
    return agentScope::close;
  }

  @Override
  public application.io.opentelemetry.context.Context current() {
    Context agentContext = Context.current();
    if (agentContext == Context.root()) {
      return root;
    }
    return ContextBridge.toApplication(agentContext);
  }

  /**
   * The root context, bridged. Overrides {@code ContextStorage.root()}, which the application's API
   * has from 1.5 on and which {@code Context.root()} then calls; older APIs return their own root
   * from {@code Context.root()}, which the bridge handles like any other unbridged context.
   */
  public application.io.opentelemetry.context.Context root() {
    return root;
  }

  /**
   * The application API's own empty context. From API 1.5 on, {@code Context.root()} asks the
   * storage being built, so the root comes from the storage this one replaces (whose {@code root()}
   * is the API's default); before 1.5 {@code Context.root()} is that empty context already.
   */
  private static application.io.opentelemetry.context.Context unwrappedRoot(
      application.io.opentelemetry.context.ContextStorage replaced) {
    MethodHandle storageRoot = storageRootMethod();
    if (storageRoot != null && replaced != null) {
      try {
        return (application.io.opentelemetry.context.Context) storageRoot.invoke(replaced);
      } catch (Throwable t) {
        throw new IllegalStateException("cannot read the application's root context", t);
      }
    }
    return application.io.opentelemetry.context.Context.root();
  }

  /** {@code ContextStorage.root()}, or null for an application API older than 1.5. */
  private static MethodHandle storageRootMethod() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(
              application.io.opentelemetry.context.ContextStorage.class,
              "root",
              MethodType.methodType(application.io.opentelemetry.context.Context.class));
    } catch (NoSuchMethodException | IllegalAccessException olderApi) {
      return null;
    }
  }
}
