package io.lumen.smoketest.annotations;

/** A class without any annotation; methods traced by configuration. */
public class PlainService {

  public String foo() {
    return "foo";
  }

  public void bar() {
    throw new IllegalArgumentException("bar failed");
  }

  public void notListed() {}
}
