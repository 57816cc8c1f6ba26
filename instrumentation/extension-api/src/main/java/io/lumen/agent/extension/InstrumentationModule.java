package io.lumen.agent.extension;

import static net.bytebuddy.matcher.ElementMatchers.any;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One instrumented library (and version range): its names, the types it rewrites and the advice it
 * applies there.
 *
 * <p>Modules are discovered with {@link java.util.ServiceLoader}, in the agent jar and in extension
 * jars; nothing lists them by hand. Each is enabled by {@code otel.instrumentation.<name>.enabled}
 * for any of its {@link #names()}, falling back to {@code
 * otel.instrumentation.common.default-enabled}.
 *
 * <p>The classes of a module's {@link #modulePackages() packages} (advice, getters, singletons) are
 * defined next to the instrumented library, once per application class loader, so they link against
 * the application's copy of the library. Before any advice is applied in a class loader, the agent
 * checks that every library class, method and field those classes reference exists there; a module
 * that does not fit the library version is skipped for that loader rather than failing in it.
 *
 * <p>Advice methods are {@code public static}, in {@code public} classes, and their signatures use
 * only JDK and library types: the instrumented class calls them through {@code invokedynamic} and
 * must be able to resolve every type in the call. Pass module state from enter to exit advice as
 * {@code Object} (or {@code Object[]}).
 */
public abstract class InstrumentationModule {

  private final List<String> names;

  /**
   * @param mainName the name used in {@code otel.instrumentation.<name>.enabled}, such as {@code
   *     java-http-server}
   * @param additionalNames further names that enable or disable this module, typically the library
   *     name without a version
   */
  protected InstrumentationModule(String mainName, String... additionalNames) {
    List<String> all = new ArrayList<>(1 + additionalNames.length);
    all.add(mainName);
    Collections.addAll(all, additionalNames);
    this.names = Collections.unmodifiableList(all);
  }

  /** The module's main name. */
  public final String name() {
    return names.get(0);
  }

  /** Every name that {@code otel.instrumentation.<name>.enabled} accepts for this module. */
  public final List<String> names() {
    return names;
  }

  /** Whether the module runs when no {@code otel.instrumentation.<name>.enabled} key names it. */
  public boolean defaultEnabled(ConfigProperties config) {
    return config.getBoolean("otel.instrumentation.common.default-enabled", true);
  }

  /** The types this module rewrites. */
  public abstract List<TypeInstrumentation> typeInstrumentations();

  /**
   * A cheap test a class loader must pass before any of this module's type matchers run, usually
   * {@code hasClassesNamed(...)} of a class only the supported library versions contain.
   */
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return any();
  }

  /**
   * Packages whose classes (and sub-packages' classes) are defined next to the instrumented library
   * rather than shared in the agent class loader.
   *
   * <p>Defaults to the instrumentation's root package: the package of this class, without a
   * trailing {@code .agent} segment, so that a module laid out as {@code ...okhttp.v3_0} (library
   * part) plus {@code ...okhttp.v3_0.agent} (agent part) has both parts linked against the
   * application's library.
   */
  public List<String> modulePackages() {
    String className = getClass().getName();
    int lastDot = className.lastIndexOf('.');
    String packageName = lastDot < 0 ? "" : className.substring(0, lastDot);
    if (packageName.endsWith(".agent")) {
      packageName = packageName.substring(0, packageName.length() - ".agent".length());
    }
    return Collections.singletonList(packageName);
  }

  /** Modules with a lower order are applied first where several match the same method. */
  public int order() {
    return 0;
  }

  @Override
  public String toString() {
    return name();
  }
}
