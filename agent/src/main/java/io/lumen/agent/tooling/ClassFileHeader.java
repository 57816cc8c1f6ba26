package io.lumen.agent.tooling;

import java.nio.charset.StandardCharsets;

/**
 * What a class file says before its fields and methods: access flags, name, super class and
 * interfaces. Reading it costs a walk over the constant pool, a fraction of a full parse, and
 * answers most of what the agent's type matchers ask of a class that turns out to match nothing.
 */
final class ClassFileHeader {

  private static final int MAGIC = 0xCAFEBABE;
  private static final int ACC_MODULE = 0x8000;

  private final int access;
  private final String internalName;
  private final String superInternalName;
  private final String[] interfaceInternalNames;

  private ClassFileHeader(
      int access,
      String internalName,
      String superInternalName,
      String[] interfaceInternalNames) {
    this.access = access;
    this.internalName = internalName;
    this.superInternalName = superInternalName;
    this.interfaceInternalNames = interfaceInternalNames;
  }

  /**
   * Reads the header of a class file, or returns {@code null} where the bytes are not a class file
   * this reader understands (or describe a module), so that the caller falls back to a full parse.
   */
  static ClassFileHeader read(byte[] classFile) {
    try {
      return parse(classFile);
    } catch (RuntimeException e) {
      // Truncated or malformed: let the full parser decide what to make of it.
      return null;
    }
  }

  private static ClassFileHeader parse(byte[] b) {
    if (b.length < 10 || readInt(b, 0) != MAGIC) {
      return null;
    }
    int count = readUnsignedShort(b, 8);
    // Where each constant pool entry starts; only class and UTF-8 entries are read later.
    int[] offsets = new int[count];
    int offset = 10;
    for (int i = 1; i < count; i++) {
      offsets[i] = offset;
      int tag = b[offset] & 0xFF;
      switch (tag) {
        case 1: // Utf8
          offset += 3 + readUnsignedShort(b, offset + 1);
          break;
        case 3: // Integer
        case 4: // Float
        case 9: // Fieldref
        case 10: // Methodref
        case 11: // InterfaceMethodref
        case 12: // NameAndType
        case 17: // Dynamic
        case 18: // InvokeDynamic
          offset += 5;
          break;
        case 5: // Long
        case 6: // Double
          offset += 9;
          i++;
          break;
        case 7: // Class
        case 8: // String
        case 16: // MethodType
        case 19: // Module
        case 20: // Package
          offset += 3;
          break;
        case 15: // MethodHandle
          offset += 4;
          break;
        default:
          return null;
      }
    }
    int access = readUnsignedShort(b, offset);
    if ((access & ACC_MODULE) != 0) {
      return null;
    }
    String name = className(b, offsets, readUnsignedShort(b, offset + 2));
    int superIndex = readUnsignedShort(b, offset + 4);
    String superName = superIndex == 0 ? null : className(b, offsets, superIndex);
    int interfaceCount = readUnsignedShort(b, offset + 6);
    String[] interfaces = new String[interfaceCount];
    for (int i = 0; i < interfaceCount; i++) {
      interfaces[i] = className(b, offsets, readUnsignedShort(b, offset + 8 + 2 * i));
    }
    return new ClassFileHeader(access, name, superName, interfaces);
  }

  private static String className(byte[] b, int[] offsets, int classIndex) {
    int utf8 = offsets[readUnsignedShort(b, offsets[classIndex] + 1)];
    int length = readUnsignedShort(b, utf8 + 1);
    // Modified UTF-8 and UTF-8 agree on everything but NUL and supplementary characters, which a
    // class name (checked by the JVM before any transformer runs) does not need here to be exact:
    // the name is compared with matcher constants, never written back.
    return new String(b, utf8 + 3, length, StandardCharsets.UTF_8);
  }

  private static int readUnsignedShort(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
  }

  private static int readInt(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 24)
        | ((b[offset + 1] & 0xFF) << 16)
        | ((b[offset + 2] & 0xFF) << 8)
        | (b[offset + 3] & 0xFF);
  }

  /** The class's access flags as the class file states them (not those of an inner class). */
  int access() {
    return access;
  }

  /** For example {@code java/lang/String}. */
  String internalName() {
    return internalName;
  }

  /** {@code null} for {@code java.lang.Object}. */
  String superInternalName() {
    return superInternalName;
  }

  String[] interfaceInternalNames() {
    return interfaceInternalNames;
  }
}
