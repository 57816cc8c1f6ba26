package io.lumen.smoketest.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates Kubernetes objects against the schemas in {@code schemas/kubernetes-schemas.yaml}, the
 * way the API server validates them: types, required fields, enums, patterns, and (like {@code
 * kubectl apply --validate=strict}) no fields the schema does not know. No cluster runs here, so
 * this is how a broken example manifest is caught before a user applies it.
 */
final class ManifestSchemas {

  private static final String RESOURCE = "/schemas/kubernetes-schemas.yaml";

  private final Map<String, Object> kinds;
  private final Map<String, Object> definitions;

  private ManifestSchemas(Map<String, Object> kinds, Map<String, Object> definitions) {
    this.kinds = kinds;
    this.definitions = definitions;
  }

  static ManifestSchemas load() {
    try (InputStream in = ManifestSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test class path");
      }
      Map<String, Object> document =
          Manifest.castMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
      return new ManifestSchemas(
          Manifest.castMap(document.get("kinds")), Manifest.castMap(document.get("definitions")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kinds there is a schema for, as {@code apiVersion/kind}. */
  Set<String> kinds() {
    return kinds.keySet();
  }

  /** Every problem of {@code manifest}, each naming its field path; empty when valid. */
  List<String> validate(Manifest manifest) {
    List<String> errors = new ArrayList<>();
    String kind = manifest.apiVersion() + "/" + manifest.kind();
    Object schema = kinds.get(kind);
    if (schema == null) {
      errors.add(manifest + ": no schema for " + kind + " (known: " + kinds.keySet() + ")");
      return errors;
    }
    validate(manifest.object(), Manifest.castMap(schema), manifest + " ", errors);
    return errors;
  }

  private void validate(Object value, Map<String, Object> schema, String path, List<String> errors) {
    schema = resolve(schema);
    if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
      if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
        errors.add(path + ": expected an integer or a string, got " + describe(value));
        return;
      }
      checkPattern(value.toString(), schema, path, errors);
      return;
    }
    String type = (String) schema.get("type");
    if (type != null && !hasType(value, type)) {
      errors.add(path + ": expected " + type + ", got " + describe(value));
      return;
    }
    Object allowed = schema.get("enum");
    if (allowed instanceof List<?> values && !values.contains(value)) {
      errors.add(path + ": " + describe(value) + " is not one of " + values);
    }
    if (value instanceof String string) {
      checkPattern(string, schema, path, errors);
    }
    if (value instanceof Map<?, ?> map) {
      validateObject(Manifest.castMap(map), schema, path, errors);
    }
    if (value instanceof List<?> list && schema.get("items") != null) {
      for (int i = 0; i < list.size(); i++) {
        validate(list.get(i), Manifest.castMap(schema.get("items")), path + "[" + i + "]", errors);
      }
    }
  }

  private void validateObject(
      Map<String, Object> object, Map<String, Object> schema, String path, List<String> errors) {
    Object required = schema.get("required");
    if (required instanceof List<?> names) {
      for (Object name : names) {
        if (!object.containsKey(name)) {
          errors.add(path + "." + name + ": required");
        }
      }
    }
    if (Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
      return;
    }
    Map<String, Object> properties =
        schema.get("properties") == null ? Map.of() : Manifest.castMap(schema.get("properties"));
    Object additional = schema.get("additionalProperties");
    for (Map.Entry<String, Object> field : object.entrySet()) {
      String fieldPath = path + "." + field.getKey();
      Object property = properties.get(field.getKey());
      if (property != null) {
        validate(field.getValue(), Manifest.castMap(property), fieldPath, errors);
      } else if (additional instanceof Map<?, ?> additionalSchema) {
        validate(field.getValue(), Manifest.castMap(additionalSchema), fieldPath, errors);
      } else {
        errors.add(fieldPath + ": unknown field");
      }
    }
  }

  private Map<String, Object> resolve(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String prefix = "#/definitions/";
    Object definition = definitions.get(ref.toString().substring(prefix.length()));
    if (definition == null) {
      throw new IllegalStateException("schema reference to nothing: " + ref);
    }
    return resolve(Manifest.castMap(definition));
  }

  private static void checkPattern(
      String value, Map<String, Object> schema, String path, List<String> errors) {
    Object pattern = schema.get("pattern");
    if (pattern != null && !value.matches(pattern.toString())) {
      errors.add(path + ": '" + value + "' does not match " + pattern);
    }
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Integer || value instanceof Long;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> throw new IllegalStateException("schema type not understood: " + type);
    };
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
