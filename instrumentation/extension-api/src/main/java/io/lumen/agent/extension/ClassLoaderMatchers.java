package io.lumen.agent.extension;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/** Class-loader matchers that modules use to skip loaders without their library, cheaply. */
public final class ClassLoaderMatchers {

  private ClassLoaderMatchers() {}

  /**
   * Matches class loaders that can see every one of the named classes, by resource look-up (no
   * class is loaded). Results are cached per class loader, weakly.
   */
  public static ElementMatcher.Junction<ClassLoader> hasClassesNamed(String... classNames) {
    return new HasClassesNamed(Arrays.asList(classNames));
  }

  private static final class HasClassesNamed extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

    private final List<String> resourceNames;
    private final Map<ClassLoader, Boolean> cache =
        Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());
    private volatile Boolean forBootLoader;

    HasClassesNamed(List<String> classNames) {
      String[] names = new String[classNames.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = classNames.get(i).replace('.', '/') + ".class";
      }
      this.resourceNames = Arrays.asList(names);
    }

    @Override
    public boolean matches(ClassLoader loader) {
      if (loader == null) {
        Boolean cached = forBootLoader;
        if (cached == null) {
          cached = check(null);
          forBootLoader = cached;
        }
        return cached;
      }
      Boolean cached = cache.get(loader);
      if (cached == null) {
        cached = check(loader);
        cache.put(loader, cached);
      }
      return cached;
    }

    private boolean check(ClassLoader loader) {
      for (String name : resourceNames) {
        boolean found =
            loader == null
                ? ClassLoader.getSystemClassLoader().getParent() != null
                    && ClassLoader.getSystemClassLoader().getParent().getResource(name) != null
                : loader.getResource(name) != null;
        if (!found) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "hasClassesNamed(" + resourceNames + ")";
    }
  }
}
