package dev.migrate.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The revisions of a build as {@link RevisionLoader#loadAll} found them, and what their revision
 * index vouches for: when the revisions are exactly the files of one location's index, its
 * graph's heads and the digest of their ids and checksums are known without building the
 * revisions or their graph, which is all it takes to recognise a database that is up to date.
 * The revisions themselves are then built when first asked for.
 */
public final class LoadedRevisions {

	private final @Nullable Supplier<List<Revision>> loader;

	private final RevisionIndex.@Nullable Summary summary;

	private volatile @Nullable List<Revision> revisions;

	private LoadedRevisions(@Nullable List<Revision> revisions, @Nullable Supplier<List<Revision>> loader,
			RevisionIndex.@Nullable Summary summary) {
		this.revisions = revisions;
		this.loader = loader;
		this.summary = summary;
	}

	/**
	 * Revisions loaded without an index summary.
	 * @param revisions the revisions
	 * @return them
	 */
	public static LoadedRevisions of(List<Revision> revisions) {
		return new LoadedRevisions(List.copyOf(revisions), null, null);
	}

	/** Revisions vouched for by an index summary, built when first asked for. */
	static LoadedRevisions indexed(RevisionIndex.Summary summary, Supplier<List<Revision>> loader) {
		return new LoadedRevisions(null, loader, summary);
	}

	/**
	 * The revisions, sorted by id; built now if they were not yet.
	 * @return the revisions
	 */
	public List<Revision> revisions() {
		List<Revision> result = this.revisions;
		if (result == null) {
			synchronized (this) {
				result = this.revisions;
				if (result == null) {
					// not built yet: made by indexed(...), which gives a loader
					result = List.copyOf(Objects.requireNonNull(this.loader).get());
					this.revisions = result;
				}
			}
		}
		return result;
	}

	/**
	 * The heads of the revisions' graph as the revision index vouches for them (the graph is then
	 * valid: the index was written for exactly these files, and only for a valid graph).
	 * @return the ids of the heads, sorted, or {@code null} when no index vouches for them
	 */
	public @Nullable List<String> indexedHeads() {
		return (this.summary != null) ? this.summary.heads() : null;
	}

	/**
	 * The {@linkplain #digestOf digest} of every revision's id and checksum, as the revision index
	 * vouches for it.
	 * @return the digest, or {@code null} when no index vouches for the revisions
	 */
	public @Nullable String indexedDigest() {
		return (this.summary != null) ? this.summary.digest() : null;
	}

	/**
	 * The digest of a set of revisions' ids and checksums: SHA-256, in lowercase hex, of the
	 * UTF-8 bytes of {@code <id>:<checksum>\n} for each revision, in the order of the ids' UTF-8
	 * bytes. The engine computes the same digest in SQL over the checksums a database recorded.
	 * @param checksums the checksum of each revision, by id
	 * @return the digest
	 */
	public static String digestOf(Map<String, String> checksums) {
		List<byte[][]> lines = new ArrayList<>(checksums.size());
		for (Map.Entry<String, String> entry : checksums.entrySet()) {
			lines.add(new byte[][] { entry.getKey().getBytes(StandardCharsets.UTF_8),
					(":" + entry.getValue() + "\n").getBytes(StandardCharsets.UTF_8) });
		}
		lines.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[][] line : lines) {
				digest.update(line[0]);
				digest.update(line[1]);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
