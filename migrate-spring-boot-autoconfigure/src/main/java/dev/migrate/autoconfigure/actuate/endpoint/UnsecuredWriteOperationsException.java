package dev.migrate.autoconfigure.actuate.endpoint;

/**
 * Thrown at startup when the write operations of {@code /actuator/migrations} are enabled
 * without Spring Security to authenticate their callers, and
 * {@code migrate.endpoint.unsafe-allow-anonymous-writes} does not accept that.
 */
public class UnsecuredWriteOperationsException extends RuntimeException {

	private final String role;

	/**
	 * Create the exception.
	 * @param role the role write operations need
	 */
	public UnsecuredWriteOperationsException(String role) {
		super("The write operations of /actuator/migrations are enabled but Spring Security is not on the class "
				+ "path to authenticate their callers");
		this.role = role;
	}

	/** The role write operations need. */
	public String role() {
		return this.role;
	}

}
