package io.lumen.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Loads the agent's own classes (SDK, exporters, Byte Buddy, instrumentation) from the agent jar.
 *
 * <p>Those classes are stored under {@code inst/} with the suffix {@code .classdata}, so that no
 * application class loader, and no class-path scanner, can ever find them as classes: the agent jar
 * sits on the system class path, but only the bootstrap classes at its top level are loadable from
 * there. Resource look-ups for {@code x/Y.class} are answered from {@code inst/x/Y.classdata} so that
 * Byte Buddy and {@link java.util.ServiceLoader} work unchanged inside this loader.
 *
 * <p>Its parent is the platform class loader (bootstrap on Java 8), so JDK modules outside
 * {@code java.base} resolve, while application classes never do.
 */
public final class AgentClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  /** Where the hidden agent classes live inside the jar. */
  public static final String HIDDEN_PREFIX = "inst/";

  public static final String HIDDEN_CLASS_SUFFIX = ".classdata";

  private final JarFile jarFile;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;
  private final Manifest manifest;

  public AgentClassLoader(File agentJar) throws IOException {
    super(platformClassLoader());
    this.jarFile = new JarFile(agentJar, false);
    URL url = agentJar.toURI().toURL();
    this.jarUrl = url.toExternalForm();
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null, this, null);
    this.manifest = jarFile.getManifest();
  }

  /** The agent jar this loader reads from. */
  public JarFile getJarFile() {
    return jarFile;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/');
    JarEntry entry = jarFile.getJarEntry(HIDDEN_PREFIX + path + HIDDEN_CLASS_SUFFIX);
    if (entry == null) {
      // When run with "java -jar" the bootstrap classes were never appended to the bootstrap path.
      entry = jarFile.getJarEntry(path + ".class");
    }
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try {
      bytes = read(entry);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageFor(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  private void definePackageFor(String className) {
    int lastDot = className.lastIndexOf('.');
    if (lastDot < 0) {
      return;
    }
    String packageName = className.substring(0, lastDot);
    if (getPackageCompat(packageName) != null) {
      return;
    }
    try {
      java.util.jar.Attributes main = manifest == null ? null : manifest.getMainAttributes();
      definePackage(
          packageName,
          null,
          null,
          null,
          null,
          main == null ? null : main.getValue("Implementation-Version"),
          main == null ? null : main.getValue("Implementation-Vendor"),
          null);
    } catch (IllegalArgumentException alreadyDefinedConcurrently) {
      // another thread won the race; the package exists
    }
  }

  @SuppressWarnings("deprecation")
  private Package getPackageCompat(String name) {
    return getPackage(name);
  }

  @Override
  protected URL findResource(String name) {
    String entryName = hiddenName(name);
    if (jarFile.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL("jar:" + jarUrl + "!/" + entryName);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null
        ? Collections.<URL>emptyEnumeration()
        : Collections.enumeration(Collections.singletonList(url));
  }

  private static String hiddenName(String resourceName) {
    if (resourceName.startsWith("/")) {
      resourceName = resourceName.substring(1);
    }
    if (resourceName.endsWith(".class")) {
      return HIDDEN_PREFIX
          + resourceName.substring(0, resourceName.length() - ".class".length())
          + HIDDEN_CLASS_SUFFIX;
    }
    return HIDDEN_PREFIX + resourceName;
  }

  private byte[] read(JarEntry entry) throws IOException {
    try (InputStream in = jarFile.getInputStream(entry)) {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(entry.getSize() > 0 ? (int) entry.getSize() : 4096);
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static ClassLoader platformClassLoader() {
    try {
      Method method = ClassLoader.class.getMethod("getPlatformClassLoader");
      return (ClassLoader) method.invoke(null);
    } catch (NoSuchMethodException java8) {
      return null;
    } catch (Exception e) {
      return null;
    }
  }
}
