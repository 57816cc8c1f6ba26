package io.lumen.agent.tooling;

import io.lumen.agent.extension.AgentConfig;
import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import io.lumen.bootstrap.AdviceBootstrap;
import io.lumen.bootstrap.AdviceErrors;
import io.lumen.bootstrap.AgentLog;
import io.lumen.sdk.LumenOpenTelemetry;
import io.lumen.sdk.LumenOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/**
 * Starts the agent inside the agent class loader: configures the SDK, discovers the enabled
 * instrumentation modules and installs one Byte Buddy pipeline for all of them.
 */
public final class AgentInstaller {

  private AgentInstaller() {}

  /** Called reflectively by {@code io.lumen.bootstrap.AgentInitializer}. */
  public static void install(Instrumentation instrumentation, File agentJar, ClassLoader agentLoader) {
    long start = System.nanoTime();
    defaultSemanticConventionsToStable();
    ConfigProperties bootConfig =
        io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties.create(
            Collections.<String, String>emptyMap(),
            io.opentelemetry.common.ComponentLoader.forClassLoader(agentLoader));
    ExtensionClassLoader extensions =
        ExtensionClassLoader.create(bootConfig.getList("otel.javaagent.extensions"), agentLoader);
    ClassLoader moduleLoader = extensions == null ? agentLoader : extensions;

    ConfigProperties config;
    try {
      LumenOpenTelemetrySdk sdk =
          LumenOpenTelemetry.builder()
              .setResultAsGlobal(true)
              .setShutdownHookEnabled(true)
              .setServiceClassLoader(moduleLoader)
              .build();
      config = sdk.getConfig();
    } catch (RuntimeException | LinkageError e) {
      // The application must start whatever the configuration says; instrumentation stays in
      // place (over the no-op API) so that a corrected configuration needs only a restart.
      AgentLog.error("OpenTelemetry SDK could not be configured; no telemetry is exported", e);
      config = bootConfig;
    }
    AgentConfig.set(config);
    long sdkReady = System.nanoTime();

    List<InstalledModule> installed = new ArrayList<>();
    for (InstrumentationModule module : InstrumentationModules.discover(moduleLoader)) {
      if (InstrumentationModules.isEnabled(module, config)) {
        installed.add(new InstalledModule(module, module.getClass().getClassLoader()));
      } else {
        AgentLog.debug("instrumentation " + module.name() + " disabled by configuration");
      }
    }
    Map<String, InstalledModule> byName = new LinkedHashMap<>();
    for (InstalledModule module : installed) {
      byName.put(module.name(), module);
    }
    AdviceLinker linker = new AdviceLinker(Collections.unmodifiableMap(byName));
    AdviceErrors.setFailureListener(linker);
    AdviceBootstrap.setLinker(linker);

    List<ModuleTypeMatcher> typeInstrumentations = new ArrayList<>();
    for (InstalledModule module : installed) {
      addModule(typeInstrumentations, module);
    }
    MatchingInstrumentations matching = new MatchingInstrumentations(typeInstrumentations);
    AgentBuilder agentBuilder =
        newAgentBuilder()
            .type(matching)
            .transform(ClassFileVersionUpgrade.INSTANCE)
            .transform(matching)
            .assureReadEdgeTo(instrumentation, AdviceBootstrap.class);
    long pipelineReady = System.nanoTime();
    agentBuilder.installOn(instrumentation);
    AgentListeners.notifyStarted(moduleLoader, config);
    long installDone = System.nanoTime();
    AgentLog.debug(
        "start-up: SDK "
            + (sdkReady - start) / 1_000_000
            + " ms, modules "
            + (pipelineReady - sdkReady) / 1_000_000
            + " ms, install "
            + (installDone - pipelineReady) / 1_000_000
            + " ms");

    AgentLog.info(
        "Lumen "
            + AgentVersions.AGENT
            + " started in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms with "
            + installed.size()
            + " instrumentation modules"
            + (extensions == null ? "" : " (extensions: " + extensions.jarFiles().size() + " jars)"));
  }

  /**
   * Lumen emits the stable database, code and messaging conventions ({@code db.system.name}, {@code
   * db.query.text}, {@code messaging.operation.type}) unless the user chose otherwise. The
   * instrumentation API reads this once, from system properties and the environment, when the
   * first instrumenter is built; so it is set here, before any is.
   */
  private static void defaultSemanticConventionsToStable() {
    if (System.getProperty(SEMCONV_OPT_IN) == null
        && System.getenv("OTEL_SEMCONV_STABILITY_OPT_IN") == null) {
      System.setProperty(SEMCONV_OPT_IN, "database,code,messaging");
    }
  }

  private static final String SEMCONV_OPT_IN = "otel.semconv-stability.opt-in";

  private static AgentBuilder newAgentBuilder() {
    // Byte Buddy's default initialization strategy injects its Nexus class into the system class
    // loader (through sun.misc.Unsafe on new JDKs). Nothing of ours may become visible to the
    // application, and advice needs no initializers: turn it off before the builder exists.
    System.setProperty(net.bytebuddy.dynamic.Nexus.PROPERTY, "true");
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        // Rewriting a loaded class can load others (ForkJoinTask loads ForkJoinPool): look again
        // until no newly loaded class needs retransforming.
        .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
        .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
        .with(new CachingPoolStrategy())
        // The cached type descriptions reach their class loader through the class file locator:
        // it must hold the loader weakly (Byte Buddy's default holds it strongly), or every
        // undeployed webapp stays pinned (testing/smoke-tests-reliability, ClassLoaderTest).
        .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
        .with(new TransformListener())
        .ignore(new IgnoredTypes());
  }

  private static void addModule(List<ModuleTypeMatcher> typeInstrumentations, InstalledModule module) {
    List<TypeInstrumentation> described;
    try {
      described = module.module().typeInstrumentations();
    } catch (Throwable t) {
      AgentLog.warn("instrumentation " + module.name() + " failed to describe itself; skipped", t);
      return;
    }
    for (TypeInstrumentation typeInstrumentation : described) {
      AgentBuilder.Transformer.ForAdvice[] transformer = {
        new AgentBuilder.Transformer.ForAdvice(AdviceDispatch.forModule(module.name()))
            .include(module.sourceLoader())
            .withExceptionHandler(AdviceDispatch.exceptionHandler(module.name()))
      };
      try {
        typeInstrumentation.transform(
            (methodMatcher, adviceClassName) ->
                transformer[0] = transformer[0].advice(methodMatcher, adviceClassName));
        typeInstrumentations.add(new ModuleTypeMatcher(module, typeInstrumentation, transformer[0]));
      } catch (Throwable t) {
        AgentLog.warn(
            "instrumentation " + module.name() + " failed to describe " + typeInstrumentation + "; skipped", t);
      }
    }
  }
}
