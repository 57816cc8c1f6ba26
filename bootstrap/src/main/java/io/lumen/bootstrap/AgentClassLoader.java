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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
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
 * <p>Classes and resources of multi-release libraries follow the JDK's multi-release jar rules:
 * an entry under {@code inst/META-INF/versions/<N>/} replaces the plain one for a JDK of release
 * {@code N} or later, the highest such {@code N} winning. So a library's classes for newer JDKs
 * (the JFR metrics of {@code opentelemetry-runtime-telemetry}, JDK 17+) run where they can, and its
 * plain classes everywhere else. The agent jar itself is not a multi-release jar: the versioned
 * entries are hidden under {@code inst/} like every other agent class.
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

  /**
   * Where multi-release libraries keep their entries for newer JDKs, below {@link #HIDDEN_PREFIX}.
   */
  private static final String VERSIONS_DIRECTORY = "META-INF/versions/";

  /** The first JDK release of multi-release jars. */
  private static final int FIRST_VERSIONED_RELEASE = 9;

  private final JarFile jarFile;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;
  private final Manifest manifest;

  /** The {@code inst/META-INF/versions/<N>/} directories this JDK uses, highest {@code N} first. */
  private final String[] versionDirectories;

  public AgentClassLoader(File agentJar) throws IOException {
    this(agentJar, currentJavaRelease());
  }

  /** A loader that picks versioned entries as JDK release {@code javaRelease} would. */
  AgentClassLoader(File agentJar, int javaRelease) throws IOException {
    super(platformClassLoader());
    this.jarFile = new JarFile(agentJar, false);
    URL url = agentJar.toURI().toURL();
    this.jarUrl = url.toExternalForm();
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null, this, null);
    this.manifest = jarFile.getManifest();
    this.versionDirectories = versionDirectories(jarFile, javaRelease);
  }

  /**
   * The version directories present in the jar for releases up to {@code javaRelease}. Probed by
   * their directory entries, one look-up per release: listing the jar's thousands of entries would
   * cost start-up time.
   */
  private static String[] versionDirectories(JarFile jarFile, int javaRelease) {
    List<String> found = new ArrayList<String>();
    for (int release = javaRelease; release >= FIRST_VERSIONED_RELEASE; release--) {
      String directory = HIDDEN_PREFIX + VERSIONS_DIRECTORY + release + "/";
      if (jarFile.getJarEntry(directory) != null) {
        found.add(directory);
      }
    }
    return found.toArray(new String[0]);
  }

  /** The agent jar this loader reads from. */
  public JarFile getJarFile() {
    return jarFile;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/');
    JarEntry entry = hiddenEntry(path + HIDDEN_CLASS_SUFFIX);
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
    JarEntry entry = hiddenEntry(hiddenName(name));
    if (entry == null) {
      return null;
    }
    try {
      return new URL("jar:" + jarUrl + "!/" + entry.getName());
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

  /** The name under {@link #HIDDEN_PREFIX} of resource {@code resourceName}. */
  private static String hiddenName(String resourceName) {
    if (resourceName.startsWith("/")) {
      resourceName = resourceName.substring(1);
    }
    if (resourceName.endsWith(".class")) {
      return resourceName.substring(0, resourceName.length() - ".class".length())
          + HIDDEN_CLASS_SUFFIX;
    }
    return resourceName;
  }

  /**
   * The entry of {@code name} (relative to {@link #HIDDEN_PREFIX}) for this JDK: the one of the
   * highest version directory that has it, else the plain one. As in a multi-release jar, entries
   * under {@code META-INF/} are never versioned.
   */
  private JarEntry hiddenEntry(String name) {
    if (!name.startsWith("META-INF/")) {
      for (String versionDirectory : versionDirectories) {
        JarEntry versioned = jarFile.getJarEntry(versionDirectory + name);
        if (versioned != null) {
          return versioned;
        }
      }
    }
    return jarFile.getJarEntry(HIDDEN_PREFIX + name);
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

  /**
   * The running JDK's feature release (8, 11, 17, 25...), from {@code java.specification.version}
   * ("1.8" up to Java 8, "9", "10"... since): {@code Runtime.version()} does not exist on Java 8.
   * 8 if unreadable, which uses no versioned entry.
   */
  static int currentJavaRelease() {
    String version = System.getProperty("java.specification.version", "1.8");
    if (version.startsWith("1.")) {
      version = version.substring(2);
    }
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      return 8;
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
