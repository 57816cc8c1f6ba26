package io.lumen.smoketest.annotations;

public class FriendlyGreeter implements Greeter {
  @Override
  public String greet(String name) {
    return "hello " + name;
  }
}
