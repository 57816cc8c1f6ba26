package io.lumen.testing.agent;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables what {@link RequiresService} annotates while a service it lists is unreachable. */
final class RequiredServicesCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<LocalService> required =
        context.getElement()
            .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresService.class))
            .map(annotation -> Arrays.asList(annotation.value()))
            .orElse(List.of());
    return evaluate(required, LocalService::isReachable);
  }

  static ConditionEvaluationResult evaluate(
      List<LocalService> required, Predicate<LocalService> reachable) {
    List<LocalService> missing =
        required.stream().filter(reachable.negate()).collect(Collectors.toList());
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled(
          required.isEmpty() ? "no service required" : "required services are reachable");
    }
    // One message, starting with the marker CI looks for, naming every missing service.
    return ConditionEvaluationResult.disabled(
        missing.stream().map(LocalService::unavailableMessage).collect(Collectors.joining("; ")));
  }
}
