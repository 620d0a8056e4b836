package dev.migrate.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option the way the Spring Boot properties take it: {@code 500ms}, {@code 30s},
 * {@code 10m}, {@code 1h}, {@code 1d}, a number of seconds ({@code 30}) or ISO-8601
 * ({@code PT10M}); never negative.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

	@Override
	public Duration convert(String value) {
		String text = value.strip().toLowerCase(Locale.ROOT);
		Matcher matcher = SIMPLE.matcher(text);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
			return switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofSeconds(amount);
			};
		}
		try {
			Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
			if (!duration.isNegative()) {
				return duration;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new TypeConversionException(
				"'" + value + "' is not a duration of zero or more; use e.g. 500ms, 30s, 10m, 1h or PT10M");
	}

	/**
	 * A duration as this converter reads it, in the largest exact unit: {@code 10m}, {@code 5s},
	 * {@code 250ms}.
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 86_400_000 == 0 && millis > 0) {
			return (millis / 86_400_000) + "d";
		}
		if (millis % 3_600_000 == 0 && millis > 0) {
			return (millis / 3_600_000) + "h";
		}
		if (millis % 60_000 == 0 && millis > 0) {
			return (millis / 60_000) + "m";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
