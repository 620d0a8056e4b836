package dev.migrate.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code migrate.instances} configures at least one further instance. */
final class OnMigrateInstancesCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("migrate instances");
		Map<String, MigrateProperties.Instance> instances = Binder.get(context.getEnvironment())
			.bind(SpringBootVocabulary.INSTANCES, Bindable.mapOf(String.class, MigrateProperties.Instance.class))
			.orElse(Map.of());
		return instances.isEmpty() ? ConditionOutcome.noMatch(message.because(SpringBootVocabulary.INSTANCES + " is not set"))
				: ConditionOutcome.match(message.because(SpringBootVocabulary.INSTANCES + " names " + instances.keySet()));
	}

}
