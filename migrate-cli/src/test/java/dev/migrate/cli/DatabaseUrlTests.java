package dev.migrate.cli;

import org.junit.jupiter.api.Test;

import dev.migrate.command.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseUrlTests {

	@Test
	void jdbcUrlIsKeptAsIs() {
		DatabaseUrl url = DatabaseUrl.parse(" jdbc:postgresql://db:5432/app?sslmode=require ", "--url");
		assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db:5432/app?sslmode=require", null, null));
	}

	@Test
	void postgresUrlGivesJdbcUrlAndCredentials() {
		assertThat(DatabaseUrl.parse("postgres://app:s%40cret%3A1@db.example.com:6543/orders?sslmode=require", "DATABASE_URL"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://db.example.com:6543/orders?sslmode=require", "app", "s@cret:1"));
		assertThat(DatabaseUrl.parse("postgresql://app@localhost/orders", "DATABASE_URL"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost/orders", "app", null));
		assertThat(DatabaseUrl.parse("postgres://localhost", "DATABASE_URL"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost/", null, null));
		assertThat(DatabaseUrl.parse("postgres://u:a+b@h/d", "DATABASE_URL").password()).isEqualTo("a+b");
	}

	@Test
	void displayHidesEveryCredentialParameter() {
		assertThat(DatabaseUrl.parse("jdbc:postgresql://db/app?user=u&password=secret&ssl=true", "--url").display())
			.isEqualTo("jdbc:postgresql://db/app?user=u&password=******&ssl=true");
		assertThat(DatabaseUrl.parse("postgres://u:pw@db/app?sslpassword=key-pw&sslmode=require", "--url").display())
			.isEqualTo("jdbc:postgresql://db/app?sslpassword=******&sslmode=require");
	}

	@Test
	void theUrlsApplicationNameWinsOverTheCliDefault() {
		MigrateCli cli = new MigrateCli(java.util.Map.of());
		assertThat(cli.dataSource(DatabaseUrl.parse("jdbc:postgresql://db/app?ApplicationName=orders-job-7", "--url"))
			.getApplicationName()).isEqualTo("orders-job-7");
		assertThat(cli.dataSource(DatabaseUrl.parse("postgres://u@db/app?sslmode=disable&ApplicationName=init", "--url"))
			.getApplicationName()).isEqualTo("init");
		assertThat(cli.dataSource(DatabaseUrl.parse("jdbc:postgresql://db/app", "--url")).getApplicationName())
			.isEqualTo(MigrateCli.APPLICATION_NAME);
	}

	@Test
	void otherUrlsAreUsageErrors() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> DatabaseUrl.parse("mysql://localhost/app", "DATABASE_URL"))
			.withMessageStartingWith("DATABASE_URL is not a PostgreSQL database URL");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> DatabaseUrl.parse("postgres:///app", "--url"))
			.withMessageContaining("no host");
	}

}
