package io.lumen.agent.tooling;

import io.lumen.bootstrap.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Reports transformations at debug level; a failed transformation leaves the class untouched. */
final class TransformListener extends AgentBuilder.Listener.Adapter {

  @Override
  public void onTransformation(
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    if (AgentLog.isDebugEnabled()) {
      AgentLog.debug("transformed " + typeDescription.getName() + " in " + classLoader);
    }
  }

  @Override
  public void onError(
      String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
    AgentLog.debug("could not transform " + typeName + " in " + classLoader + "; left unchanged", error);
  }
}
