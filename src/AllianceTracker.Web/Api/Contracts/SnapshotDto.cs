namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A frozen snapshot's metadata: what it is, when and by whom it was frozen, and how to cite and check it.</summary>
/// <param name="Id">Short, URL-safe and random; the snapshot's address is <c>/snapshots/{id}</c>.</param>
/// <param name="Title">The title its editor gave it.</param>
/// <param name="Note">The editor's note, if any.</param>
/// <param name="AsOf">The date of the picture it froze, YYYY-MM-DD.</param>
/// <param name="CreatedAtUtc">When it was frozen (UTC).</param>
/// <param name="CreatedBy">Who froze it, by public display name.</param>
/// <param name="Sha256">The SHA-256 (lower-case hex) of its canonical JSON, the bytes of <c>/api/v1/snapshots/{id}/export.json</c>.</param>
/// <param name="HashVerifies">Whether the stored JSON still hashes to <c>sha256</c>. Checked only where one snapshot is read (and on the one just created): true or false there; null in the list, where the hash is not checked.</param>
/// <param name="Permalink">The snapshot's page as an absolute URL, from the site's public base URL (<c>Site:PublicBaseUrl</c>) or, where none is configured, the request's own scheme and host.</param>
public sealed record SnapshotDto(string Id, string Title, string? Note, string AsOf, DateTime CreatedAtUtc, string CreatedBy, string Sha256, bool? HashVerifies, string Permalink);
