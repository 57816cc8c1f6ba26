package io.lumen.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FieldAccessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Defines a new class that no instrumentation matches: a small application bean with a distinct
 * name every time, in a class loader shared by a thousand such classes (applications have a few
 * loaders and many classes). Each definition passes through every registered class file
 * transformer, so the difference to the run without an agent is what an agent's transformer costs
 * per loaded class it leaves alone.
 *
 * <p>The class bytes are made once; each operation copies them and writes a new number into the
 * class name, which costs the same with and without an agent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClassDefinitionBenchmark {

  private static final String TEMPLATE_NAME = "com.example.shop.model.Product0000000";
  private static final int DIGITS = 7;
  private static final int CLASSES_PER_LOADER = 1000;

  private byte[] template;
  private int[] nameDigitOffsets;
  private ApplicationClassLoader loader;
  private long invocations;

  @Setup(Level.Trial)
  public void makeTemplate() {
    template =
        new ByteBuddy(ClassFileVersion.JAVA_V17)
            .subclass(Object.class)
            .name(TEMPLATE_NAME)
            .defineField("sku", String.class, Visibility.PRIVATE)
            .defineField("priceCents", long.class, Visibility.PRIVATE)
            .defineMethod("getSku", String.class, Visibility.PUBLIC)
            .intercept(FieldAccessor.ofField("sku"))
            .defineMethod("getPriceCents", long.class, Visibility.PUBLIC)
            .intercept(FieldAccessor.ofField("priceCents"))
            .defineMethod("setPriceCents", void.class, Visibility.PUBLIC)
            .withParameters(long.class)
            .intercept(FieldAccessor.ofField("priceCents"))
            .make()
            .getBytes();
    nameDigitOffsets = digitOffsets(template, TEMPLATE_NAME.replace('.', '/'));
    loader = new ApplicationClassLoader();
  }

  /** Where each occurrence of the class name's digits starts in the class file. */
  static int[] digitOffsets(byte[] classFile, String internalName) {
    byte[] name = internalName.getBytes(StandardCharsets.UTF_8);
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i + name.length <= classFile.length; i++) {
      if (Arrays.equals(classFile, i, i + name.length, name, 0, name.length)) {
        offsets.add(i + name.length - DIGITS);
      }
    }
    if (offsets.isEmpty()) {
      throw new IllegalStateException("class name not found in the template");
    }
    return offsets.stream().mapToInt(Integer::intValue).toArray();
  }

  @Benchmark
  public Class<?> defineClass() {
    long number = invocations++;
    if (number % CLASSES_PER_LOADER == 0) {
      loader = new ApplicationClassLoader();
    }
    byte[] bytes = template.clone();
    long digits = number % 10_000_000L;
    for (int offset : nameDigitOffsets) {
      long rest = digits;
      for (int i = DIGITS - 1; i >= 0; i--) {
        bytes[offset + i] = (byte) ('0' + rest % 10);
        rest /= 10;
      }
    }
    // With its name, as every real class loader defines a class: a transformer is told the name
    // and may skip a nameless class (as Byte Buddy does) without looking at it.
    return loader.define(className(digits), bytes);
  }

  private static String className(long digits) {
    char[] name = TEMPLATE_NAME.toCharArray();
    long rest = digits;
    for (int i = name.length - 1; i >= name.length - DIGITS; i--) {
      name[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(name);
  }

  @TearDown(Level.Trial)
  public void stop() {
    BenchmarkProbe.write(Map.of("invocations", invocations));
  }

  /** A plain application class loader, as a web container or plugin system has. */
  static final class ApplicationClassLoader extends ClassLoader {

    ApplicationClassLoader() {
      super(ClassDefinitionBenchmark.class.getClassLoader());
    }

    Class<?> define(String name, byte[] bytes) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
