package io.lumen.agent.tooling;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Describes types for matching header first ({@link HeaderTypeDescription}) and keeps, per class
 * loader, two bounded caches: the headers of the types that matching looked at (super types,
 * mostly: a name, flags and a few names each) and the few full descriptions that matching or
 * transforming needed. The class being loaded is never cached: it is about to change.
 *
 * <p>The caches hang off their class loader weakly and reach it only weakly (through {@link
 * ClassFileLocator.ForClassLoader.WeaklyReferenced}), so an undeployed webapp is not pinned.
 */
final class CachingPoolStrategy extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  // Headers are small: enough for the super types of a large Spring Boot application.
  private static final int MAX_HEADERS_PER_LOADER = 16384;
  // Full descriptions carry a token per method, field and annotation: keep only the recent ones.
  private static final int MAX_FULL_DESCRIPTIONS_PER_LOADER = 512;

  private final Map<ClassLoader, LoaderTypes> loaderTypes =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, LoaderTypes>());
  private final Map<ClassLoader, TypePool.CacheProvider> fullCaches =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, TypePool.CacheProvider>());
  private final TypePool.CacheProvider bootFullCache =
      new BoundedCache(MAX_FULL_DESCRIPTIONS_PER_LOADER);
  private volatile LoaderTypes bootTypes;

  CachingPoolStrategy() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
    return loaderTypes(classLoader).typePool();
  }

  @Override
  public TypePool typePool(
      ClassFileLocator classFileLocator, ClassLoader classLoader, String name) {
    return new TransformedTypePool(
        name,
        classFileLocator,
        loaderTypes(classLoader),
        super.typePool(classFileLocator, classLoader, name));
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader classLoader) {
    if (classLoader == null) {
      return bootFullCache;
    }
    synchronized (fullCaches) {
      TypePool.CacheProvider cache = fullCaches.get(classLoader);
      if (cache == null) {
        cache = new BoundedCache(MAX_FULL_DESCRIPTIONS_PER_LOADER);
        fullCaches.put(classLoader, cache);
      }
      return cache;
    }
  }

  private LoaderTypes loaderTypes(ClassLoader classLoader) {
    if (classLoader == null) {
      LoaderTypes types = bootTypes;
      if (types == null) {
        types = newLoaderTypes(null);
        bootTypes = types;
      }
      return types;
    }
    synchronized (loaderTypes) {
      LoaderTypes types = loaderTypes.get(classLoader);
      if (types == null) {
        types = newLoaderTypes(classLoader);
        loaderTypes.put(classLoader, types);
      }
      return types;
    }
  }

  private LoaderTypes newLoaderTypes(ClassLoader classLoader) {
    ClassFileLocator locator = ClassFileLocator.ForClassLoader.WeaklyReferenced.of(classLoader);
    return new LoaderTypes(locator, super.typePool(locator, classLoader));
  }

  /** The types one class loader sees, described header first and cached. */
  static final class LoaderTypes implements HeaderTypeDescription.Source {

    private static final Set<String> PRIMITIVES =
        new HashSet<>(
            Arrays.asList(
                "boolean", "byte", "short", "char", "int", "long", "float", "double", "void"));

    private final ClassFileLocator locator;
    private final TypePool fullPool;
    private final Map<String, HeaderTypeDescription> headers =
        new LinkedHashMap<String, HeaderTypeDescription>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, HeaderTypeDescription> eldest) {
            return size() > MAX_HEADERS_PER_LOADER;
          }
        };
    private final TypePool typePool =
        new TypePool() {
          @Override
          public Resolution describe(String name) {
            return resolution(name);
          }

          @Override
          public void clear() {
            // The caches are bounded and weakly held; nothing to let go of early.
          }
        };

    LoaderTypes(ClassFileLocator locator, TypePool fullPool) {
      this.locator = locator;
      this.fullPool = fullPool;
    }

    TypePool typePool() {
      return typePool;
    }

    TypePool.Resolution resolution(String name) {
      if (!isClassName(name)) {
        return fullPool.describe(name);
      }
      final HeaderTypeDescription description = cached(name);
      return new TypePool.Resolution() {
        @Override
        public boolean isResolved() {
          return description.isReadable() || fullPool.describe(description.getName()).isResolved();
        }

        @Override
        public TypeDescription resolve() {
          return description;
        }
      };
    }

    private HeaderTypeDescription cached(String name) {
      synchronized (headers) {
        HeaderTypeDescription description = headers.get(name);
        if (description == null) {
          description = new HeaderTypeDescription(name, this);
          headers.put(name, description);
        }
        return description;
      }
    }

    @Override
    public TypeDescription describeNamed(String name) {
      return isClassName(name) ? cached(name) : fullPool.describe(name).resolve();
    }

    @Override
    public ClassFileHeader header(String name) {
      return readHeader(locator, name);
    }

    @Override
    public TypeDescription describeFully(String name) {
      return fullPool.describe(name).resolve();
    }

    private static boolean isClassName(String name) {
      return name.indexOf('[') < 0 && !PRIMITIVES.contains(name);
    }
  }

  static ClassFileHeader readHeader(ClassFileLocator locator, String name) {
    try {
      ClassFileLocator.Resolution resolution = locator.locate(name);
      return resolution.isResolved() ? ClassFileHeader.read(resolution.resolve()) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The types seen while one class is being loaded: that class, described header first from the
   * bytes being loaded and never cached, and every other type from its loader's cache.
   */
  private static final class TransformedTypePool implements TypePool, HeaderTypeDescription.Source {

    private final String name;
    private final ClassFileLocator locator;
    private final LoaderTypes loaderTypes;
    private final TypePool fullPool;
    private HeaderTypeDescription description;
    private TypeDescription fullDescription;

    TransformedTypePool(
        String name, ClassFileLocator locator, LoaderTypes loaderTypes, TypePool fullPool) {
      this.name = name;
      this.locator = locator;
      this.loaderTypes = loaderTypes;
      this.fullPool = fullPool;
    }

    @Override
    public Resolution describe(String typeName) {
      if (!typeName.equals(name)) {
        return loaderTypes.resolution(typeName);
      }
      if (description == null) {
        description = new HeaderTypeDescription(name, this);
      }
      return description.asResolution();
    }

    @Override
    public void clear() {
      fullPool.clear();
    }

    @Override
    public ClassFileHeader header(String typeName) {
      return readHeader(locator, typeName);
    }

    @Override
    public TypeDescription describeNamed(String typeName) {
      return typeName.equals(name)
          ? describe(typeName).resolve()
          : loaderTypes.describeNamed(typeName);
    }

    @Override
    public TypeDescription describeFully(String typeName) {
      if (!typeName.equals(name)) {
        return loaderTypes.describeFully(typeName);
      }
      if (fullDescription == null) {
        fullDescription = fullPool.describe(name).resolve();
      }
      return fullDescription;
    }
  }

  private static final class BoundedCache implements TypePool.CacheProvider {
    private final Map<String, TypePool.Resolution> resolutions;

    BoundedCache(final int capacity) {
      this.resolutions =
          new LinkedHashMap<String, TypePool.Resolution>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TypePool.Resolution> eldest) {
              return size() > capacity;
            }
          };
    }

    @Override
    public synchronized TypePool.Resolution find(String name) {
      return resolutions.get(name);
    }

    @Override
    public synchronized TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      TypePool.Resolution existing = resolutions.get(name);
      if (existing != null) {
        return existing;
      }
      resolutions.put(name, resolution);
      return resolution;
    }

    @Override
    public synchronized void clear() {
      resolutions.clear();
    }
  }
}
