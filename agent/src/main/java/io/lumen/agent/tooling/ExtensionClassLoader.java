package io.lumen.agent.tooling;

import io.lumen.bootstrap.AgentLog;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * Loads extension jars named by {@code otel.javaagent.extensions} (jar files or directories of
 * jars), as a child of the agent class loader.
 *
 * <p>Extensions are compiled against the plain OpenTelemetry and Byte Buddy packages, which exist
 * inside the agent only relocated; this loader rewrites their class files (and service file names)
 * to the relocated names as it reads them, so extension code links to the agent's own copies.
 */
final class ExtensionClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  // Assembled at run time so that the relocation of the agent jar does not rewrite the strings.
  private static String separator = "/";
  private static final String SHADED = "io" + separator + "lumen" + separator + "shaded" + separator;
  private static final String[] RELOCATED_PREFIXES = {
    "io" + separator + "opentelemetry" + separator, "net" + separator + "bytebuddy" + separator
  };

  private final List<JarFile> jars;

  private ExtensionClassLoader(List<JarFile> jars, ClassLoader agentLoader) {
    super(agentLoader);
    this.jars = jars;
  }

  /** A loader over the configured extension jars, or {@code null} when there are none. */
  static ExtensionClassLoader create(List<String> locations, ClassLoader agentLoader) {
    List<JarFile> jars = new ArrayList<>();
    for (String location : locations) {
      File file = new File(location.trim());
      if (file.isDirectory()) {
        File[] children = file.listFiles((dir, name) -> name.endsWith(".jar"));
        if (children != null) {
          java.util.Arrays.sort(children);
          for (File child : children) {
            open(child, jars);
          }
        }
      } else if (file.isFile()) {
        open(file, jars);
      } else {
        AgentLog.warn(
            "otel.javaagent.extensions: " + file + " is neither a jar nor a directory; ignored");
      }
    }
    return jars.isEmpty() ? null : new ExtensionClassLoader(jars, agentLoader);
  }

  private static void open(File file, List<JarFile> jars) {
    try {
      jars.add(new JarFile(file, false));
      AgentLog.debug("loading extension " + file);
    } catch (IOException e) {
      AgentLog.warn("otel.javaagent.extensions: cannot open " + file + "; ignored", e);
    }
  }

  List<JarFile> jarFiles() {
    return Collections.unmodifiableList(jars);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    // An extension's own classes in relocated packages (a contrib sampler in io.opentelemetry.*)
    // are renamed with everything else; their class files keep the original path.
    String path = name.replace('.', '/');
    if (path.startsWith(SHADED)) {
      path = path.substring(SHADED.length());
    }
    byte[] bytes = remappedClass(path + ".class");
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class")) {
      byte[] bytes =
          remappedClass(name.startsWith(SHADED) ? name.substring(SHADED.length()) : name);
      if (bytes != null) {
        return new ByteArrayInputStream(bytes);
      }
    } else if (name.startsWith("META-INF/services/")) {
      byte[] services = remappedServiceFile(name);
      if (services != null) {
        return new ByteArrayInputStream(services);
      }
    }
    return super.getResourceAsStream(name);
  }

  /**
   * A service file of the extensions with the provider class names relocated, as the classes
   * themselves are. {@link java.util.ServiceLoader} reads service files through URLs, so {@link
   * #findResources} serves this content too.
   */
  private byte[] remappedServiceFile(String name) {
    String entryName = unrelocatedServiceFile(name);
    java.io.ByteArrayOutputStream merged = new java.io.ByteArrayOutputStream();
    boolean found = false;
    for (JarFile jar : jars) {
      JarEntry entry = jar.getJarEntry(entryName);
      if (entry == null) {
        continue;
      }
      found = true;
      try (InputStream in = jar.getInputStream(entry)) {
        String content = new String(ModuleClassLoader.readAll(in), java.nio.charset.StandardCharsets.UTF_8);
        for (String line : content.split("\\r?\\n")) {
          String trimmed = line.trim();
          String relocated = RelocatingRemapper.INSTANCE.map(trimmed.replace('.', '/')).replace('/', '.');
          merged.write((relocated + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        AgentLog.warn("cannot read " + entryName + " of extension " + jar.getName(), e);
      }
    }
    return found ? merged.toByteArray() : null;
  }

  @Override
  protected URL findResource(String name) {
    List<URL> urls = find(name);
    return urls.isEmpty() ? null : urls.get(0);
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    return Collections.enumeration(find(name));
  }

  private List<URL> find(String name) {
    if (name.startsWith("META-INF/services/")) {
      final byte[] content = remappedServiceFile(name);
      if (content == null) {
        return java.util.Collections.emptyList();
      }
      try {
        return java.util.Collections.singletonList(
            new URL(
                null,
                "lumen-extension:" + name,
                new java.net.URLStreamHandler() {
                  @Override
                  protected java.net.URLConnection openConnection(URL url) {
                    return new java.net.URLConnection(url) {
                      @Override
                      public void connect() {}

                      @Override
                      public InputStream getInputStream() {
                        return new ByteArrayInputStream(content);
                      }
                    };
                  }
                }));
      } catch (MalformedURLException e) {
        return java.util.Collections.emptyList();
      }
    }
    String entryName = unrelocatedServiceFile(name);
    List<URL> result = new ArrayList<>();
    for (JarFile jar : jars) {
      if (jar.getJarEntry(entryName) != null) {
        try {
          result.add(new URL("jar:" + new File(jar.getName()).toURI().toURL() + "!/" + entryName));
        } catch (MalformedURLException ignored) {
          // not reachable for a file we opened
        }
      }
    }
    return result;
  }

  /** The agent asks for services by their relocated interface names; extensions use plain ones. */
  private static String unrelocatedServiceFile(String name) {
    String services = "META-INF/services/";
    String shadedDotted = SHADED.replace('/', '.');
    if (name.startsWith(services + shadedDotted)) {
      return services + name.substring(services.length() + shadedDotted.length());
    }
    return name;
  }

  private byte[] remappedClass(String resourceName) {
    for (JarFile jar : jars) {
      JarEntry entry = jar.getJarEntry(resourceName);
      if (entry == null) {
        continue;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        ClassReader reader = new ClassReader(ModuleClassLoader.readAll(in));
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, RelocatingRemapper.INSTANCE), 0);
        return writer.toByteArray();
      } catch (IOException | RuntimeException e) {
        AgentLog.warn("cannot read extension class " + resourceName, e);
        return null;
      }
    }
    return null;
  }

  private static final class RelocatingRemapper extends Remapper {
    static final RelocatingRemapper INSTANCE = new RelocatingRemapper();

    @Override
    public String map(String internalName) {
      for (String prefix : RELOCATED_PREFIXES) {
        if (internalName.startsWith(prefix)) {
          return SHADED + internalName;
        }
      }
      return internalName;
    }

    @Override
    public Object mapValue(Object value) {
      if (value instanceof String) {
        String string = (String) value;
        for (String prefix : RELOCATED_PREFIXES) {
          String dotted = prefix.replace('/', '.');
          if (string.startsWith(dotted)) {
            return SHADED.replace('/', '.') + string;
          }
        }
      }
      return super.mapValue(value);
    }
  }
}
