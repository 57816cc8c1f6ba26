package io.lumen.agent.tooling;

import io.lumen.agent.extension.InstrumentationModule;
import java.util.List;

/** An enabled instrumentation module together with the loader its class files come from. */
final class InstalledModule {

  private final InstrumentationModule module;
  private final ClassLoader sourceLoader;
  private final List<String> packages;
  private final LibraryReferences references;

  InstalledModule(InstrumentationModule module, ClassLoader sourceLoader) {
    this.module = module;
    this.sourceLoader = sourceLoader;
    this.packages = module.modulePackages();
    this.references = new LibraryReferences(this);
  }

  String name() {
    return module.name();
  }

  InstrumentationModule module() {
    return module;
  }

  ClassLoader sourceLoader() {
    return sourceLoader;
  }

  List<String> packages() {
    return packages;
  }

  LibraryReferences references() {
    return references;
  }

  @Override
  public String toString() {
    return module.name();
  }
}
