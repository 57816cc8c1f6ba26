package io.lumen.agent.tooling;

import java.security.ProtectionDomain;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Raises classes compiled for Java 6 and older (Apache HttpClient 4, the Servlet 3.0 API, ...) to
 * class-file version 51, the first that may contain the {@code invokedynamic} through which
 * instrumented code calls advice.
 *
 * <p>Version 51 requires stack map frames, so those classes get their frames computed. Classes
 * already at 51 or later pass through untouched, at no cost. The {@code jsr}/{@code ret} subroutines
 * that only pre-Java-5 compilers emitted are illegal from version 51 on; a class that has them fails
 * to transform and is left unchanged, as every failed transformation is.
 */
final class ClassFileVersionUpgrade implements AgentBuilder.Transformer {

  static final ClassFileVersionUpgrade INSTANCE = new ClassFileVersionUpgrade();

  private ClassFileVersionUpgrade() {}

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription typeDescription,
      ClassLoader classLoader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    ClassFileVersion version = typeDescription.getClassFileVersion();
    if (version == null || version.isAtLeast(ClassFileVersion.JAVA_V7)) {
      return builder;
    }
    return builder.visit(UpgradingVisitorWrapper.INSTANCE);
  }

  private static final class UpgradingVisitorWrapper extends AsmVisitorWrapper.AbstractBase {
    static final UpgradingVisitorWrapper INSTANCE = new UpgradingVisitorWrapper();

    @Override
    public int mergeWriter(int flags) {
      return flags | ClassWriter.COMPUTE_FRAMES;
    }

    @Override
    public ClassVisitor wrap(
        TypeDescription instrumentedType,
        ClassVisitor classVisitor,
        Implementation.Context implementationContext,
        TypePool typePool,
        FieldList<FieldDescription.InDefinedShape> fields,
        MethodList<?> methods,
        int writerFlags,
        int readerFlags) {
      return new ClassVisitor(Opcodes.ASM9, classVisitor) {
        @Override
        public void visit(
            int version,
            int access,
            String name,
            String signature,
            String superName,
            String[] interfaces) {
          super.visit(Opcodes.V1_7, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
          // A method no advice touches would be copied as is: without the frames that Java 5
          // class files never had. Passing it through a visitor makes ASM write it anew, with
          // computed frames.
          return new MethodVisitor(
              Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {};
        }
      };
    }
  }
}
