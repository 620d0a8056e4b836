package dev.migrate.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migrate.autoconfigure.MigrateProperties.Mode;

/**
 * Matches unless {@code migrate.mode} is {@code off}: with {@code off}, readiness does not wait
 * for migrations.
 */
final class ModeNotOffCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Mode mode = Binder.get(context.getEnvironment()).bind(SpringBootVocabulary.MODE, Mode.class).orElse(Mode.UPGRADE);
		ConditionMessage.Builder message = ConditionMessage.forCondition(SpringBootVocabulary.MODE);
		return (mode != Mode.OFF) ? ConditionOutcome.match(message.because("is " + mode))
				: ConditionOutcome.noMatch(message.because("is off"));
	}

}
