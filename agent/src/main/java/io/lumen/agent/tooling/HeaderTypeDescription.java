package io.lumen.agent.tooling;

import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * A type description that answers name, kind and super types from the class file header, and
 * everything else (methods, fields, annotations, generics, nesting) from a full description that
 * is parsed only when first asked for.
 *
 * <p>Most classes an application loads match no instrumentation, and the agent's type matchers
 * decide that from names and super types alone; with this description such a class is never
 * parsed beyond its constant pool, and the super types it names are kept as headers, not as full
 * descriptions with a token per method. Super types are described erased: no matcher of the agent
 * asks for their type arguments, and decorating a class does not rewrite its signature.
 */
final class HeaderTypeDescription extends TypeDescription.AbstractBase.OfSimpleType.WithDelegation {

  /** Where the header's names are resolved, and the full description comes from. */
  interface Source {

    /** The header of the named class, or {@code null} if it cannot be read. */
    ClassFileHeader header(String name);

    /** A type named in a header: {@code java.lang.Object} or {@code com.example.Base}. */
    TypeDescription describeNamed(String name);

    /** The full description, parsed from the class file. */
    TypeDescription describeFully(String name);
  }

  private final String name;
  private final Source source;
  private volatile ClassFileHeader header;
  private volatile boolean headerUnreadable;
  // Resolved once: the type matchers of every instrumentation walk the same hierarchy.
  private volatile Generic superClass;
  private volatile boolean superClassResolved;
  private volatile TypeList.Generic interfaces;

  /** The header is read from {@code source} when first needed. */
  HeaderTypeDescription(String name, Source source) {
    this.name = name;
    this.source = source;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  protected TypeDescription delegate() {
    return source.describeFully(name);
  }

  private ClassFileHeader header() {
    ClassFileHeader read = header;
    if (read == null && !headerUnreadable) {
      read = source.header(name);
      if (read == null) {
        headerUnreadable = true;
      } else {
        header = read;
      }
    }
    return read;
  }

  @Override
  public int getModifiers() {
    ClassFileHeader read = header();
    // A nested class's modifiers (private, static...) are in its InnerClasses attribute, not in
    // the header; a top-level class's are the header's, less the flags Byte Buddy drops too.
    if (read == null || name.indexOf('$') >= 0) {
      return super.getModifiers();
    }
    return read.access() & ~(Opcodes.ACC_SUPER | Opcodes.ACC_DEPRECATED);
  }

  @Override
  public boolean isInterface() {
    ClassFileHeader read = header();
    return read == null ? super.isInterface() : (read.access() & Opcodes.ACC_INTERFACE) != 0;
  }

  @Override
  public boolean isAbstract() {
    ClassFileHeader read = header();
    return read == null ? super.isAbstract() : (read.access() & Opcodes.ACC_ABSTRACT) != 0;
  }

  @Override
  public boolean isAnnotation() {
    ClassFileHeader read = header();
    return read == null ? super.isAnnotation() : (read.access() & Opcodes.ACC_ANNOTATION) != 0;
  }

  @Override
  public boolean isEnum() {
    ClassFileHeader read = header();
    return read == null ? super.isEnum() : (read.access() & Opcodes.ACC_ENUM) != 0;
  }

  @Override
  public Generic getSuperClass() {
    ClassFileHeader read = header();
    if (read == null) {
      return super.getSuperClass();
    }
    if (!superClassResolved) {
      String superName = read.superInternalName();
      // The JVM's rule, which Byte Buddy follows: an interface has no super class.
      superClass =
          superName == null || (read.access() & Opcodes.ACC_INTERFACE) != 0
              ? null
              : source.describeNamed(superName.replace('/', '.')).asGenericType();
      superClassResolved = true;
    }
    return superClass;
  }

  @Override
  public TypeList.Generic getInterfaces() {
    ClassFileHeader read = header();
    if (read == null) {
      return super.getInterfaces();
    }
    TypeList.Generic resolved = interfaces;
    if (resolved == null) {
      String[] names = read.interfaceInternalNames();
      TypeDefinition[] types = new TypeDefinition[names.length];
      for (int i = 0; i < names.length; i++) {
        types[i] = source.describeNamed(names[i].replace('/', '.'));
      }
      resolved = new TypeList.Generic.Explicit(types);
      interfaces = resolved;
    }
    return resolved;
  }

  /** Whether the class file was found and its header read. */
  boolean isReadable() {
    return header() != null;
  }

  /** A resolution that hands out this description without reading anything yet. */
  TypePool.Resolution asResolution() {
    return new TypePool.Resolution.Simple(this);
  }
}
