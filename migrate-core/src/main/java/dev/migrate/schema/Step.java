package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrate.schema.SchemaChange.Difference;

/** Builds one {@link SchemaChange}. */
final class Step {

	private final String subject;

	private final Difference difference;

	private @Nullable String currentState;

	private @Nullable String desiredState;

	private final List<String> upgrade = new ArrayList<>();

	private final List<String> downgrade = new ArrayList<>();

	private final List<String> hazards = new ArrayList<>();

	private final List<String> downgradeHazards = new ArrayList<>();

	private boolean nonTransactional;

	private boolean consequential;

	private Step(String subject, Difference difference) {
		this.subject = subject;
		this.difference = difference;
	}

	static Step added(String subject) {
		return new Step(subject, Difference.ADDED);
	}

	static Step removed(String subject) {
		return new Step(subject, Difference.REMOVED);
	}

	static Step changed(String subject, String currentState, String desiredState) {
		Step step = new Step(subject, Difference.CHANGED);
		step.currentState = currentState;
		step.desiredState = desiredState;
		return step;
	}

	Step up(String... statements) {
		this.upgrade.addAll(Arrays.asList(statements));
		return this;
	}

	Step up(List<String> statements) {
		this.upgrade.addAll(statements);
		return this;
	}

	Step down(String... statements) {
		this.downgrade.addAll(Arrays.asList(statements));
		return this;
	}

	Step down(List<String> statements) {
		this.downgrade.addAll(statements);
		return this;
	}

	Step hazard(String hazard) {
		this.hazards.add(hazard);
		return this;
	}

	/** Add hazards to the downgrade statements, or to the upgrade ones. */
	Step hazards(List<String> hazards, boolean downgrade) {
		(downgrade ? this.downgradeHazards : this.hazards).addAll(hazards);
		return this;
	}

	Step downgradeHazard(String hazard) {
		this.downgradeHazards.add(hazard);
		return this;
	}

	Step nonTransactional() {
		this.nonTransactional = true;
		return this;
	}

	Step consequential() {
		this.consequential = true;
		return this;
	}

	Step consequential(boolean consequential) {
		this.consequential = consequential;
		return this;
	}

	SchemaChange build() {
		return new SchemaChange(this.subject, this.difference, this.currentState, this.desiredState, this.upgrade,
				this.downgrade, this.hazards, this.downgradeHazards, this.nonTransactional, this.consequential);
	}

}
