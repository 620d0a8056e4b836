package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateFailureAnalyzer}.
 */
class MigrateFailureAnalyzerTests {

	@Test
	void analyzesAMigrateExceptionAnywhereInTheCauseChain() {
		MigrateException cause = new MigrateException(ErrorCode.REVISION_FAILED,
				"Upgrade of revision ab12 (classpath:db/revisions/ab12_x.sql) failed at statement 2 of 3, line 9: "
						+ "SQLSTATE 42P01: relation \"nope\" does not exist",
				"Fix the revision and start again");
		FailureAnalysis analysis = new MigrateFailureAnalyzer()
			.analyze(new IllegalStateException("runner failed", new BeanCreationException("migrator", cause)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("REVISION_FAILED")
			.contains("ab12_x.sql")
			.contains("line 9")
			.contains("SQLSTATE 42P01");
		assertThat(analysis.getAction()).isEqualTo("Fix the revision and start again");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void givesADefaultActionAndRedactsCredentials() {
		FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(new MigrateException(ErrorCode.DATABASE,
				"Cannot connect to jdbc:postgresql://admin:s3cret@db:5432/app?password=s3cret", null));
		assertThat(analysis.getDescription()).doesNotContain("s3cret").contains("db:5432/app");
		assertThat(analysis.getAction()).contains("migrate.*");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(new MigrateFailureAnalyzer().analyze(new IllegalStateException("boom"))).isNull();
	}

}
