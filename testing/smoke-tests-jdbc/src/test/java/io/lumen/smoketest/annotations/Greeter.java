package io.lumen.smoketest.annotations;

/** An interface named in the configuration: its implementations' methods are traced. */
public interface Greeter {
  String greet(String name);
}
