package io.lumen.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassDefinitionBenchmarkTest {

  @Test
  void everyOperationDefinesAClassWithANewName() throws Exception {
    ClassDefinitionBenchmark benchmark = new ClassDefinitionBenchmark();
    benchmark.makeTemplate();

    Class<?> first = benchmark.defineClass();
    Class<?> second = benchmark.defineClass();

    assertThat(first.getName()).isEqualTo("com.example.shop.model.Product0000000");
    assertThat(second.getName()).isEqualTo("com.example.shop.model.Product0000001");
    Object product = second.getConstructor().newInstance();
    second.getMethod("setPriceCents", long.class).invoke(product, 1999L);
    assertThat(second.getMethod("getPriceCents").invoke(product)).isEqualTo(1999L);
  }
}
