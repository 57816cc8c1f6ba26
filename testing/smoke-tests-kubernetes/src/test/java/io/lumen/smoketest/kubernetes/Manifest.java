package io.lumen.smoketest.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One Kubernetes object of the example manifests in {@code examples/kubernetes}, as the YAML
 * parser gives it (maps, lists, strings, numbers, booleans), with navigation by field path.
 *
 * <pre>{@code
 * Manifest instrumentation = Manifest.find("instrumentation.yaml", "Instrumentation", "lumen");
 * String image = instrumentation.string("spec", "java", "image");
 * }</pre>
 */
record Manifest(String file, Map<String, Object> object) {

  /** The folder of the example manifests; the surefire configuration passes it. */
  static Path examplesDirectory() {
    String configured = System.getProperty("lumen.examples.kubernetes");
    Path directory =
        configured != null ? Path.of(configured) : Path.of("../../examples/kubernetes");
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(
          "examples/kubernetes not found at " + directory.toAbsolutePath()
              + ": run the test through Maven or pass -Dlumen.examples.kubernetes=<dir>");
    }
    return directory.normalize();
  }

  /** Every object in {@code file} (a path relative to {@code examples/kubernetes}), in order. */
  static List<Manifest> load(String file) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Manifest> manifests = new ArrayList<>();
    try (Reader reader =
        Files.newBufferedReader(examplesDirectory().resolve(file), StandardCharsets.UTF_8)) {
      for (Object document : yaml.loadAll(reader)) {
        if (document == null) {
          continue; // an empty document between two ---
        }
        if (!(document instanceof Map)) {
          throw new IllegalStateException(file + " holds a document that is not an object");
        }
        manifests.add(new Manifest(file, castMap(document)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return manifests;
  }

  /** The object of {@code kind} named {@code name} in {@code file}. */
  static Manifest find(String file, String kind, String name) {
    return load(file).stream()
        .filter(manifest -> kind.equals(manifest.kind()) && name.equals(manifest.name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no " + kind + " named " + name));
  }

  String kind() {
    return (String) object.get("kind");
  }

  String apiVersion() {
    return (String) object.get("apiVersion");
  }

  String name() {
    Object metadata = object.get("metadata");
    return metadata instanceof Map ? (String) ((Map<?, ?>) metadata).get("name") : null;
  }

  /** The value at {@code path} (map keys; list indices as numbers), or null if absent. */
  Object get(Object... path) {
    Object node = object;
    for (Object step : path) {
      if (node instanceof Map && step instanceof String) {
        node = ((Map<?, ?>) node).get(step);
      } else if (node instanceof List && step instanceof Integer) {
        List<?> list = (List<?>) node;
        int index = (Integer) step;
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  /** The string at {@code path} (numbers and booleans as written), or null if absent. */
  String string(Object... path) {
    Object value = get(path);
    return value == null ? null : value.toString();
  }

  Map<String, Object> map(Object... path) {
    Object value = get(path);
    return value instanceof Map ? castMap(value) : Map.of();
  }

  @SuppressWarnings("unchecked")
  List<Object> list(Object... path) {
    Object value = get(path);
    return value instanceof List ? (List<Object>) value : List.of();
  }

  /** A copy with the value at {@code path} replaced (or removed, for null). */
  Manifest with(Object value, String... path) {
    Map<String, Object> copy = deepCopy(object);
    Map<String, Object> node = copy;
    for (int i = 0; i < path.length - 1; i++) {
      Object child = node.get(path[i]);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        node.put(path[i], child);
      }
      node = castMap(child);
    }
    if (value == null) {
      node.remove(path[path.length - 1]);
    } else {
      node.put(path[path.length - 1], value);
    }
    return new Manifest(file, copy);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((key, child) -> copy.put(key, deepCopy(child)));
      return (T) copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) value).forEach(child -> copy.add(deepCopy(child)));
      return (T) copy;
    }
    return value;
  }

  @Override
  public String toString() {
    return kind() + " " + name() + " (" + file + ")";
  }
}
