package io.lumen.agent.tooling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type pools that remember, per class loader, the types they already described.
 *
 * <p>Hierarchy matchers ({@code hasSuperType(named("java.sql.Statement"))}) walk every loaded class's
 * super types. Without a cache each walk parses the same super class files again (Object,
 * AbstractList, the framework's base classes) for every class loaded. The cache is bounded per
 * class loader (least recently used types go first) and holds class loaders weakly: cached
 * descriptions reach their loader only through Byte Buddy's weakly referencing class file locator.
 */
final class CachingPoolStrategy extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  /** Enough for the shared super types of a large application; each entry is a few hundred bytes. */
  private static final int MAX_TYPES_PER_LOADER = 4096;

  private final Map<ClassLoader, TypePool.CacheProvider> caches =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, TypePool.CacheProvider>());
  private final TypePool.CacheProvider bootstrapCache = new BoundedCache(MAX_TYPES_PER_LOADER);

  CachingPoolStrategy() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader classLoader) {
    if (classLoader == null) {
      return bootstrapCache;
    }
    synchronized (caches) {
      TypePool.CacheProvider cache = caches.get(classLoader);
      if (cache == null) {
        cache = new BoundedCache(MAX_TYPES_PER_LOADER);
        caches.put(classLoader, cache);
      }
      return cache;
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
