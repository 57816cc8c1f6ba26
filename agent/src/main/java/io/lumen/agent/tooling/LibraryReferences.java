package io.lumen.agent.tooling;

import io.lumen.bootstrap.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * The library classes, methods and fields a module's classes reference, and whether a class loader
 * has all of them.
 *
 * <p>References are read from the module's own class files with ASM the first time they are needed,
 * so a module never has to list them by hand and the list can never go stale. A class loader whose
 * library version lacks any of them is skipped for the module: its classes are never transformed,
 * so the application can never see a {@code NoSuchMethodError} or {@code NoClassDefFoundError} from
 * the agent. Results are cached per class loader, weakly.
 */
final class LibraryReferences {

  private static final int MAX_REPORTED = 5;

  private final InstalledModule module;
  private final Map<ClassLoader, Boolean> results =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());
  private volatile Boolean bootstrapResult;
  private volatile Collected collected;

  LibraryReferences(InstalledModule module) {
    this.module = module;
  }

  /** Whether every referenced library element exists for {@code loader}. */
  boolean matches(ClassLoader loader) {
    if (loader == null) {
      Boolean result = bootstrapResult;
      if (result == null) {
        result = computeMatch(null);
        bootstrapResult = result;
      }
      return result;
    }
    Boolean result = results.get(loader);
    if (result == null) {
      result = computeMatch(loader);
      results.put(loader, result);
    }
    return result;
  }

  private boolean computeMatch(ClassLoader loader) {
    List<String> missing = findMissing(loader);
    if (missing.isEmpty()) {
      return true;
    }
    if (AgentLog.isDebugEnabled()) {
      List<String> shown = missing.subList(0, Math.min(MAX_REPORTED, missing.size()));
      AgentLog.debug(
          "instrumentation "
              + module.name()
              + " skipped for "
              + loader
              + ": the library there lacks "
              + shown
              + (missing.size() > shown.size() ? " and " + (missing.size() - shown.size()) + " more" : ""));
    }
    return false;
  }

  /** The referenced library elements {@code loader} lacks, as readable strings. */
  List<String> findMissing(ClassLoader loader) {
    Collected references = collected();
    ClassFileLocator locator =
        loader == null
            ? ClassFileLocator.ForClassLoader.ofBootLoader()
            : ClassFileLocator.ForClassLoader.of(loader);
    TypePool pool = TypePool.Default.of(locator);
    List<String> missing = new ArrayList<>();
    for (String className : references.classes) {
      if (!pool.describe(className).isResolved()) {
        missing.add("class " + className);
      }
    }
    for (MemberReference method : references.methods) {
      TypePool.Resolution owner = pool.describe(method.owner);
      if (owner.isResolved() && !hasMethod(owner.resolve(), method.name, method.descriptor)) {
        missing.add("method " + method);
      }
    }
    for (MemberReference field : references.fields) {
      TypePool.Resolution owner = pool.describe(field.owner);
      if (owner.isResolved() && !hasField(owner.resolve(), field.name, field.descriptor)) {
        missing.add("field " + field);
      }
    }
    return missing;
  }

  private static boolean hasMethod(TypeDescription type, String name, String descriptor) {
    for (TypeDefinition current : hierarchy(type)) {
      for (MethodDescription method : current.getDeclaredMethods()) {
        if (method.getInternalName().equals(name) && method.getDescriptor().equals(descriptor)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasField(TypeDescription type, String name, String descriptor) {
    for (TypeDefinition current : hierarchy(type)) {
      for (FieldDescription field : current.getDeclaredFields()) {
        if (field.getInternalName().equals(name) && field.getDescriptor().equals(descriptor)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The type, its superclasses and all their interfaces; unresolvable parts are left out. */
  private static Set<TypeDefinition> hierarchy(TypeDescription type) {
    Set<TypeDefinition> result = new LinkedHashSet<>();
    List<TypeDefinition> pending = new ArrayList<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      TypeDefinition current = pending.remove(pending.size() - 1);
      if (current == null || !result.add(current)) {
        continue;
      }
      try {
        TypeDescription.Generic superClass = current.getSuperClass();
        if (superClass != null) {
          pending.add(superClass.asErasure());
        }
        for (TypeDescription.Generic anInterface : current.getInterfaces()) {
          pending.add(anInterface.asErasure());
        }
      } catch (RuntimeException unresolvableSuperType) {
        // a missing super type shows up as a missing member
      }
    }
    return result;
  }

  private Collected collected() {
    Collected result = collected;
    if (result == null) {
      synchronized (this) {
        result = collected;
        if (result == null) {
          result = collect();
          collected = result;
        }
      }
    }
    return result;
  }

  private Collected collect() {
    Collected result = new Collected();
    for (String className : ModuleClassListing.classNames(module.sourceLoader(), module.packages())) {
      try (InputStream in =
          module.sourceLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
        if (in != null) {
          new ClassReader(ModuleClassLoader.readAll(in))
              .accept(new ReferenceCollector(result), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
      } catch (IOException | RuntimeException e) {
        AgentLog.debug("cannot read " + className + " of instrumentation " + module.name(), e);
      }
    }
    return result;
  }

  private boolean isLibraryType(String internalName) {
    if (internalName.startsWith("java/") || internalName.startsWith("io/lumen/")) {
      return false;
    }
    String dotted = internalName.replace('/', '.');
    for (String modulePackage : module.packages()) {
      if (dotted.startsWith(modulePackage + ".")) {
        return false;
      }
    }
    return true;
  }

  private static final class Collected {
    final Set<String> classes = new LinkedHashSet<>();
    final Set<MemberReference> methods = new LinkedHashSet<>();
    final Set<MemberReference> fields = new LinkedHashSet<>();
  }

  private static final class MemberReference {
    final String owner;
    final String name;
    final String descriptor;

    MemberReference(String owner, String name, String descriptor) {
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof MemberReference)) {
        return false;
      }
      MemberReference that = (MemberReference) other;
      return owner.equals(that.owner) && name.equals(that.name) && descriptor.equals(that.descriptor);
    }

    @Override
    public int hashCode() {
      return (owner.hashCode() * 31 + name.hashCode()) * 31 + descriptor.hashCode();
    }

    @Override
    public String toString() {
      return owner + "#" + name + descriptor;
    }
  }

  /** Records every library type and member a class file mentions. */
  private final class ReferenceCollector extends ClassVisitor {
    private final Collected collected;

    ReferenceCollector(Collected collected) {
      super(Opcodes.ASM9);
      this.collected = collected;
    }

    void addType(Type type) {
      while (type.getSort() == Type.ARRAY) {
        type = type.getElementType();
      }
      if (type.getSort() == Type.OBJECT) {
        addInternalName(type.getInternalName());
      } else if (type.getSort() == Type.METHOD) {
        addType(type.getReturnType());
        for (Type argument : type.getArgumentTypes()) {
          addType(argument);
        }
      }
    }

    void addInternalName(String internalName) {
      if (internalName == null) {
        return;
      }
      if (internalName.startsWith("[")) {
        addType(Type.getType(internalName));
        return;
      }
      if (isLibraryType(internalName)) {
        collected.classes.add(internalName.replace('/', '.'));
      }
    }

    void addDescriptor(String descriptor) {
      if (descriptor != null) {
        addType(descriptor.startsWith("(") ? Type.getMethodType(descriptor) : Type.getType(descriptor));
      }
    }

    @Override
    public void visit(
        int version, int access, String name, String signature, String superName, String[] interfaces) {
      addInternalName(superName);
      if (interfaces != null) {
        for (String anInterface : interfaces) {
          addInternalName(anInterface);
        }
      }
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      addDescriptor(descriptor);
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      addDescriptor(descriptor);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitMethodInsn(
            int opcode, String owner, String methodName, String methodDescriptor, boolean isInterface) {
          addDescriptor(methodDescriptor);
          if (!owner.startsWith("[") && isLibraryType(owner)) {
            addInternalName(owner);
            collected.methods.add(
                new MemberReference(owner.replace('/', '.'), methodName, methodDescriptor));
          }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
          addDescriptor(fieldDescriptor);
          if (isLibraryType(owner)) {
            addInternalName(owner);
            collected.fields.add(
                new MemberReference(owner.replace('/', '.'), fieldName, fieldDescriptor));
          }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          addInternalName(type);
        }

        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof Type) {
            addType((Type) value);
          }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
          addDescriptor(descriptor);
        }

        @Override
        public void visitTryCatchBlock(
            net.bytebuddy.jar.asm.Label start,
            net.bytebuddy.jar.asm.Label end,
            net.bytebuddy.jar.asm.Label handler,
            String type) {
          addInternalName(type);
        }

        @Override
        public void visitInvokeDynamicInsn(
            String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
          addDescriptor(indyDescriptor);
          for (Object argument : arguments) {
            if (argument instanceof Handle) {
              Handle handle = (Handle) argument;
              if (isLibraryType(handle.getOwner())) {
                addInternalName(handle.getOwner());
                if (handle.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
                  collected.methods.add(
                      new MemberReference(
                          handle.getOwner().replace('/', '.'), handle.getName(), handle.getDesc()));
                }
              }
            } else if (argument instanceof Type) {
              addType((Type) argument);
            }
          }
        }
      };
    }
  }
}
