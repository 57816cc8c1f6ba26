package io.lumen.smoketest.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way {@code docker build} reads it, for the instructions an init-container
 * image uses, and reproduced on the file system: Docker cannot run on the test machines, so a test
 * builds the image's file tree in a directory instead and checks what a container would find
 * there.
 *
 * <p>Understood: {@code ARG} (with {@code ${NAME}} substitution), {@code FROM}, {@code LABEL},
 * {@code COPY}/{@code ADD} of single local files with {@code --chmod}, {@code RUN chmod} and
 * {@code RUN mkdir -p}, {@code USER}, {@code WORKDIR}, {@code ENTRYPOINT} and {@code CMD}. Anything
 * else fails loudly, so a change to the Dockerfile that this cannot reproduce breaks the test
 * rather than passing untested.
 */
final class DockerfileImage {

  /**
   * One file the image gets from the build context.
   *
   * @param mode the {@code --chmod} octal mode, or null to keep the source's
   */
  record CopiedFile(String source, String destination, String mode) {}

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private final String baseImage;
  private final String user;
  private final List<CopiedFile> copies;
  private final List<List<String>> runs;
  private final Map<String, String> labels;

  private DockerfileImage(
      String baseImage,
      String user,
      List<CopiedFile> copies,
      List<List<String>> runs,
      Map<String, String> labels) {
    this.baseImage = baseImage;
    this.user = user;
    this.copies = copies;
    this.runs = runs;
    this.labels = labels;
  }

  static DockerfileImage parse(Path dockerfile) throws IOException {
    Map<String, String> args = new LinkedHashMap<>();
    String baseImage = null;
    String user = "0";
    List<CopiedFile> copies = new ArrayList<>();
    List<List<String>> runs = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String line : logicalLines(Files.readString(dockerfile, StandardCharsets.UTF_8))) {
      int space = line.indexOf(' ');
      String instruction = (space < 0 ? line : line.substring(0, space)).toUpperCase();
      String rest = space < 0 ? "" : substitute(line.substring(space + 1).trim(), args);
      switch (instruction) {
        case "ARG" -> {
          int equals = rest.indexOf('=');
          if (equals < 0) {
            args.putIfAbsent(rest, "");
          } else {
            args.put(rest.substring(0, equals), unquote(rest.substring(equals + 1)));
          }
        }
        case "FROM" -> {
          if (baseImage != null) {
            throw new IllegalStateException("multi-stage builds are not reproduced: " + line);
          }
          baseImage = rest.split("\\s+")[0];
        }
        case "LABEL" -> {
          Matcher pair = Pattern.compile("([^\\s=]+)=(\"[^\"]*\"|\\S+)").matcher(rest);
          while (pair.find()) {
            labels.put(pair.group(1), unquote(pair.group(2)));
          }
        }
        case "COPY", "ADD" -> copies.add(copy(instruction, rest));
        case "RUN" -> runs.add(List.of(rest.split("\\s+")));
        case "USER" -> user = rest;
        case "WORKDIR", "ENTRYPOINT", "CMD", "ENV", "EXPOSE" -> {
          // no file-system effect that the operator's init container depends on
        }
        default -> throw new IllegalStateException("instruction not reproduced: " + line);
      }
    }
    if (baseImage == null) {
      throw new IllegalStateException(dockerfile + " has no FROM");
    }
    return new DockerfileImage(baseImage, user, List.copyOf(copies), List.copyOf(runs), labels);
  }

  /** The {@code FROM} image, for example {@code busybox:1.37}. */
  String baseImage() {
    return baseImage;
  }

  /** The {@code USER} containers of this image run as ({@code 0}, root, when none). */
  String user() {
    return user;
  }

  List<CopiedFile> copies() {
    return copies;
  }

  Map<String, String> labels() {
    return labels;
  }

  /**
   * Builds the image's own files (not the base image's) under {@code root}: each {@code COPY}
   * from {@code buildContext}, with its mode, then each {@code RUN}.
   */
  void reproduce(Path buildContext, Path root) throws IOException {
    for (CopiedFile copy : copies) {
      Path source = buildContext.resolve(copy.source());
      if (!Files.isRegularFile(source)) {
        throw new IllegalStateException(
            "COPY " + copy.source() + ": not in the build context " + buildContext);
      }
      Path target = inImage(root, copy.destination());
      if (copy.destination().endsWith("/")) {
        target = target.resolve(source.getFileName().toString());
      }
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      if (copy.mode() != null) {
        Files.setPosixFilePermissions(target, permissions(copy.mode()));
      }
    }
    for (List<String> run : runs) {
      if (run.size() == 3 && run.get(0).equals("chmod")) {
        Files.setPosixFilePermissions(inImage(root, run.get(2)), permissions(run.get(1)));
      } else if (run.size() == 3 && run.get(0).equals("mkdir") && run.get(1).equals("-p")) {
        Files.createDirectories(inImage(root, run.get(2)));
      } else {
        throw new IllegalStateException("RUN not reproduced: " + String.join(" ", run));
      }
    }
  }

  /** Where an absolute path of the image lies under {@code root}. */
  static Path inImage(Path root, String imagePath) {
    if (!imagePath.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute image path: " + imagePath);
    }
    return root.resolve(imagePath.substring(1));
  }

  /** An octal mode such as {@code 0444} as POSIX permissions. */
  static Set<PosixFilePermission> permissions(String octal) {
    int mode = Integer.parseInt(octal, 8);
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < bits.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(bits[bit]);
      }
    }
    return permissions;
  }

  private static CopiedFile copy(String instruction, String rest) {
    List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
    String mode = null;
    while (!words.isEmpty() && words.get(0).startsWith("--")) {
      String flag = words.remove(0);
      if (flag.startsWith("--chmod=")) {
        mode = flag.substring("--chmod=".length());
      } else if (!flag.startsWith("--chown=")) {
        throw new IllegalStateException(instruction + " flag not reproduced: " + flag);
      }
    }
    if (words.size() != 2) {
      throw new IllegalStateException(
          instruction + " of exactly one file is reproduced, not: " + rest);
    }
    return new CopiedFile(words.get(0), words.get(1), mode);
  }

  /** Instructions with continuation lines joined, comments and blank lines dropped. */
  private static List<String> logicalLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (current.length() > 0 && line.startsWith("#")) {
        continue; // comments inside a continued instruction
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        current.append(line);
        lines.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      lines.add(current.toString().strip());
    }
    return lines;
  }

  private static String substitute(String text, Map<String, String> args) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      matcher.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(name, "")));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
