package io.lumen.agent.extension;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Type-hierarchy matchers for type instrumentations, in place of Byte Buddy's {@code
 * ElementMatchers.hasSuperType} and {@code hasSuperClass}: they run for nearly every class an
 * application loads, so they walk the hierarchy without the reflective queue factory Byte Buddy's
 * matcher uses, and a super type that cannot be resolved (an optional dependency that is absent)
 * is skipped instead of failing the whole match.
 */
public final class TypeMatchers {

  private TypeMatchers() {}

  /**
   * Matches a type if it, one of its super classes or one of the interfaces any of them implement
   * (erased) matches.
   */
  public static ElementMatcher.Junction<TypeDescription> hasSuperType(
      ElementMatcher<? super TypeDescription> matcher) {
    return new HasSuperType(matcher, true);
  }

  /** Matches a type if it or one of its super classes (erased) matches; interfaces are not asked. */
  public static ElementMatcher.Junction<TypeDescription> hasSuperClass(
      ElementMatcher<? super TypeDescription> matcher) {
    return new HasSuperType(matcher, false);
  }

  private static final class HasSuperType
      extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

    private final ElementMatcher<? super TypeDescription> matcher;
    private final boolean interfaces;

    HasSuperType(ElementMatcher<? super TypeDescription> matcher, boolean interfaces) {
      this.matcher = matcher;
      this.interfaces = interfaces;
    }

    @Override
    public boolean matches(TypeDescription target) {
      // Most classes implement no interface, or few: allocate only for those that do.
      ArrayDeque<TypeDescription> pendingInterfaces = null;
      Set<String> seenInterfaces = null;
      for (TypeDescription type = target; type != null; type = superClass(type)) {
        if (matcher.matches(type)) {
          return true;
        }
        if (!interfaces) {
          continue;
        }
        TypeList.Generic implemented = interfacesOf(type);
        if (!implemented.isEmpty()) {
          if (pendingInterfaces == null) {
            pendingInterfaces = new ArrayDeque<>();
            seenInterfaces = new HashSet<>();
          }
          queue(implemented, pendingInterfaces, seenInterfaces);
        }
      }
      if (pendingInterfaces != null) {
        TypeDescription next;
        while ((next = pendingInterfaces.poll()) != null) {
          if (matcher.matches(next)) {
            return true;
          }
          queue(interfacesOf(next), pendingInterfaces, seenInterfaces);
        }
      }
      return false;
    }

    private static TypeDescription superClass(TypeDescription type) {
      try {
        TypeDescription.Generic superClass = type.getSuperClass();
        return superClass == null ? null : superClass.asErasure();
      } catch (RuntimeException e) {
        // Not resolvable from the class loader: the rest of the hierarchy cannot be seen.
        return null;
      }
    }

    private static TypeList.Generic interfacesOf(TypeDescription type) {
      try {
        return type.getInterfaces();
      } catch (RuntimeException e) {
        // An interface that cannot be resolved: match on what can be.
        return new TypeList.Generic.Empty();
      }
    }

    private static void queue(
        TypeList.Generic implemented, ArrayDeque<TypeDescription> pending, Set<String> seen) {
      for (TypeDefinition type : implemented) {
        try {
          TypeDescription erasure = type.asErasure();
          if (seen.add(erasure.getName())) {
            pending.add(erasure);
          }
        } catch (RuntimeException e) {
          // This interface cannot be resolved; the others may still match.
        }
      }
    }

    @Override
    public String toString() {
      return (interfaces ? "hasSuperType(" : "hasSuperClass(") + matcher + ")";
    }
  }
}
