package io.lumen.examples.demo;

import java.nio.file.Path;

/**
 * What to run the demo with. The defaults are where the build leaves the jars, relative to the
 * repository root, which is where {@code demo.sh} runs the demo from.
 *
 * @param protocol the exporter protocol: {@code grpc} (the agent's default) or {@code
 *     http/protobuf}
 * @param allAttributes whether the trees show every span attribute rather than the key ones
 */
record DemoOptions(Path agentJar, Path appJar, String protocol, boolean allAttributes) {

  static final String USAGE =
      "usage: Demo [--agent agent/target/lumen-javaagent.jar]"
          + " [--app examples/demo-app/target/users-service.jar]"
          + " [--protocol grpc|http/protobuf] [--all-attributes]";

  static DemoOptions defaults() {
    return new DemoOptions(
        Path.of("agent", "target", "lumen-javaagent.jar"),
        Path.of("examples", "demo-app", "target", "users-service.jar"),
        "grpc",
        false);
  }

  /**
   * Reads command-line arguments over the defaults.
   *
   * @throws IllegalArgumentException if an argument is unknown or lacks its value
   */
  static DemoOptions parse(String[] args) {
    DemoOptions options = defaults();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--agent" -> options = options.withAgentJar(Path.of(value(args, ++i, arg)));
        case "--app" -> options = options.withAppJar(Path.of(value(args, ++i, arg)));
        case "--protocol" -> {
          String protocol = value(args, ++i, arg);
          if (!protocol.equals("grpc") && !protocol.equals("http/protobuf")) {
            throw new IllegalArgumentException("--protocol must be grpc or http/protobuf");
          }
          options = new DemoOptions(options.agentJar, options.appJar, protocol,
              options.allAttributes);
        }
        case "--all-attributes" ->
            options = new DemoOptions(options.agentJar, options.appJar, options.protocol, true);
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    return options;
  }

  DemoOptions withAgentJar(Path agentJar) {
    return new DemoOptions(agentJar, appJar, protocol, allAttributes);
  }

  DemoOptions withAppJar(Path appJar) {
    return new DemoOptions(agentJar, appJar, protocol, allAttributes);
  }

  private static String value(String[] args, int index, String name) {
    if (index >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[index];
  }
}
