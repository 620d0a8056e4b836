package dev.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Redaction}: every credential-bearing parameter and the user information of URLs. */
class RedactionTests {

	@Test
	void passwordParametersOfJdbcUrls() {
		assertThat(Redaction.redact("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/db?user=u&password=******&ssl=true");
		assertThat(Redaction.redact("jdbc:postgresql://h/db?sslpassword=k3y&sslmode=verify-full"))
			.isEqualTo("jdbc:postgresql://h/db?sslpassword=******&sslmode=verify-full");
		assertThat(Redaction.redact("jdbc:postgresql://h/db?PASSWORD=x;ApplicationName=a"))
			.isEqualTo("jdbc:postgresql://h/db?PASSWORD=******;ApplicationName=a");
	}

	@Test
	void anyParameterNamedLikeACredential() {
		assertThat(Redaction.redact("x://h/db?access_token=abc&client-secret=def&apiKey=ghi&pwd=jkl&user=me"))
			.isEqualTo("x://h/db?access_token=******&client-secret=******&apiKey=******&pwd=******&user=me");
		assertThat(Redaction.redact("url jdbc:postgresql://h/db?password=a%20b failed"))
			.isEqualTo("url jdbc:postgresql://h/db?password=****** failed");
	}

	@Test
	void userInformationOfUrls() {
		assertThat(Redaction.redact("postgres://app:s3cret@db.internal:5432/app"))
			.isEqualTo("postgres://app:******@db.internal:5432/app");
		assertThat(Redaction.redact("postgres://tok3n@db/app")).isEqualTo("postgres://******@db/app");
		assertThat(Redaction.redact("jdbc:postgresql://db:5432/app?user=app")).isEqualTo("jdbc:postgresql://db:5432/app?user=app");
	}

	@Test
	void nothingToRedact() {
		assertThat(Redaction.redact(null)).isNull();
		assertThat(Redaction.redact("Revision ae10 failed: relation \"account\" does not exist"))
			.isEqualTo("Revision ae10 failed: relation \"account\" does not exist");
	}

}
