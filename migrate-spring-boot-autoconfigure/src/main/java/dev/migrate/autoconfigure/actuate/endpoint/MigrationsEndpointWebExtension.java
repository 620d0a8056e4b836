package dev.migrate.autoconfigure.actuate.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Redaction;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.RevisionDescriptor;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.RunDescriptor;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.UnknownStateDescriptor;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the {@link MigrationsEndpoint}: the same
 * operations with HTTP status codes scripts can trust, and a JSON body in every case. Reads
 * answer {@code 503} with {@code {"status":"UNKNOWN","error":...}} when the state cannot be read
 * within {@code migrate.endpoint.timeout}; writes answer {@code 200} on success, {@code 400}
 * for a bad request or target, {@code 401}/{@code 403} for a caller who may not write,
 * {@code 409} when the current state refuses the command (several heads, an ambiguous target,
 * the lock held...), {@code 503} when the database cannot be reached and {@code 500} when a
 * step failed.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	private final MigrationsEndpoint delegate;

	/**
	 * Create the extension.
	 * @param delegate the endpoint
	 */
	public MigrationsEndpointWebExtension(MigrationsEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * The migration state, or {@code UNKNOWN} with {@code 503} when it cannot be read.
	 * @param drift whether to run a schema drift check first ({@code ?drift=true})
	 * @return the response
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> migrations(@Nullable Boolean drift) {
		try {
			return new WebEndpointResponse<>(this.delegate.migrations(drift), WebEndpointResponse.STATUS_OK);
		}
		catch (MigrateException ex) {
			return unknown(ex);
		}
	}

	/**
	 * The state of an instance of {@code migrate.instances} by name, else one revision of the
	 * default instance by id or unique prefix: {@code 404} when none matches, {@code 409} when
	 * several do.
	 * @param revision the instance's name, or the id or prefix
	 * @return the response
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> revision(@Selector String revision) {
		try {
			MigrationsDescriptor instance = this.delegate.instance(revision);
			if (instance != null) {
				return new WebEndpointResponse<>(instance, WebEndpointResponse.STATUS_OK);
			}
			RevisionDescriptor found = this.delegate.revision(revision);
			return (found != null) ? new WebEndpointResponse<>(found, WebEndpointResponse.STATUS_OK)
					: new WebEndpointResponse<>(new ProblemDescriptor(ErrorCode.UNKNOWN_REVISION.name(),
							"No revision of this build has id or id prefix '" + revision + "'"),
							WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (MigrateException ex) {
			if (ex.code() == ErrorCode.AMBIGUOUS_REVISION) {
				return new WebEndpointResponse<>(new ProblemDescriptor(ex.code().name(), ex.getMessage()),
						HttpStatuses.CONFLICT);
			}
			return unknown(ex);
		}
	}

	/**
	 * Run a command; see {@link MigrationsEndpoint#run}.
	 * @param securityContext the caller
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param target the target
	 * @param purge for a stamp, whether to empty the version table first
	 * @return the response
	 */
	@WriteOperation
	public WebEndpointResponse<RunDescriptor> run(SecurityContext securityContext, @Selector String command,
			@Nullable String target, @Nullable Boolean purge) {
		RunDescriptor result = this.delegate.run(securityContext, command, target, purge);
		return new WebEndpointResponse<>(result, HttpStatuses.of(result));
	}

	private static WebEndpointResponse<OperationResponseBody> unknown(MigrateException ex) {
		return new WebEndpointResponse<>(new UnknownStateDescriptor("UNKNOWN", Redaction.redact(ex.getMessage())),
				WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

	/**
	 * Why a request was not answered with what it asked for.
	 *
	 * @param code an {@link ErrorCode} name
	 * @param error what happened and what to do
	 */
	@JsonInclude(Include.ALWAYS)
	public record ProblemDescriptor(String code, String error) implements OperationResponseBody {
	}

}
