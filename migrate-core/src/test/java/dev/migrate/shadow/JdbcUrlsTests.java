package dev.migrate.shadow;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTests {

	@Test
	void databaseIsReplacedKeepingHostsAndParameters() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/app?ssl=true&user=x", "s"))
			.isEqualTo("jdbc:postgresql://db:5432/s?ssl=true&user=x");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/app", "s")).isEqualTo("jdbc:postgresql://a:1,b:2/s");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db", "s")).isEqualTo("jdbc:postgresql://db/s");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db/?ssl=true", "s")).isEqualTo("jdbc:postgresql://db/s?ssl=true");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql:app", "s")).isEqualTo("jdbc:postgresql:s");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql:/", "s")).isEqualTo("jdbc:postgresql:/s");
	}

	@Test
	void otherUrlsAreRefused() {
		assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/app", "s")).isInstanceOf(MigrateException.class)
			.hasMessageContaining("jdbc:postgresql:");
	}

}
