package io.lumen.smoketest.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Jars packed at test time from this module's compiled test classes. */
public final class TestJars {

  private TestJars() {}

  /**
   * A jar of the classes of {@code anchor}'s package (and sub-packages), with {@code manifest}
   * attributes and {@code services} ({@code META-INF/services/<interface>} to implementation).
   */
  public static Path pack(
      Path target, Class<?> anchor, Map<String, String> manifest, Map<String, String> services) {
    try {
      Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path packageDir = classes.resolve(anchor.getPackageName().replace('.', '/'));
      Manifest mf = new Manifest();
      mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
      try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target), mf);
          Stream<Path> files = Files.walk(packageDir)) {
        List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
        for (Path classFile : classFiles) {
          jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
          jar.write(Files.readAllBytes(classFile));
          jar.closeEntry();
        }
        for (Map.Entry<String, String> service : services.entrySet()) {
          jar.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
          jar.write((service.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
          jar.closeEntry();
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
