package io.lumen.instrumentation.grpc.v1_6.agent;

import static io.lumen.agent.extension.ClassLoaderMatchers.hasClassesNamed;

import io.lumen.agent.extension.InstrumentationModule;
import io.lumen.agent.extension.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT and SERVER spans for gRPC Java 1.6 and later: the agent adds its interceptors to every
 * channel and server the application builds, whatever transport (Netty, OkHttp, in-process).
 * Enabled by {@code otel.instrumentation.grpc.enabled} (or {@code grpc-1.6}).
 */
public final class GrpcInstrumentationModule extends InstrumentationModule {

  public GrpcInstrumentationModule() {
    super("grpc-1.6", "grpc");
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return hasClassesNamed("io.grpc.ClientInterceptor", "io.grpc.ServerInterceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ChannelBuilderInstrumentation(), new ServerBuilderInstrumentation());
  }
}
