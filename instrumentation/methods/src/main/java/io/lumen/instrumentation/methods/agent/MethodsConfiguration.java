package io.lumen.instrumentation.methods.agent;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code otel.instrumentation.methods.include}: {@code Class[method,method];Class[method]}.
 * White space around names is ignored; a class without brackets, or with empty ones, names no
 * method and is skipped with a warning, as is anything else that does not parse, so that one typo
 * does not lose the other entries.
 */
final class MethodsConfiguration {

  private static final Logger logger = Logger.getLogger(MethodsConfiguration.class.getName());

  private MethodsConfiguration() {}

  static Map<String, Set<String>> parse(String value) {
    if (value == null || value.trim().isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Set<String>> methodsByClass = new LinkedHashMap<>();
    for (String entry : value.split(";")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int open = trimmed.indexOf('[');
      int close = trimmed.lastIndexOf(']');
      if (open <= 0 || close != trimmed.length() - 1 || close < open) {
        warn(trimmed);
        continue;
      }
      String className = trimmed.substring(0, open).trim();
      Set<String> methods = new LinkedHashSet<>();
      for (String method : Arrays.asList(trimmed.substring(open + 1, close).split(","))) {
        if (!method.trim().isEmpty()) {
          methods.add(method.trim());
        }
      }
      if (className.isEmpty() || methods.isEmpty() || !isJavaNames(className, methods)) {
        warn(trimmed);
        continue;
      }
      methodsByClass.computeIfAbsent(className, name -> new LinkedHashSet<>()).addAll(methods);
    }
    return methodsByClass;
  }

  private static boolean isJavaNames(String className, Set<String> methods) {
    for (String part : className.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    for (String method : methods) {
      if (!isIdentifier(method)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void warn(String entry) {
    logger.log(
        Level.WARNING,
        "otel.instrumentation.methods.include: ignoring \"{0}\", expected Class[method,method]",
        entry);
  }
}
