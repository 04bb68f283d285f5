namespace AllianceTracker.Web.Api;

/// <summary>Endpoint metadata: this write takes a larger body than <see cref="ScriptOnlyWrites.MaxWriteBodyBytes"/> (a pasted news article).</summary>
public sealed class LargerWriteBodyLimit(long maxBytes)
{
    public long MaxBytes { get; } = maxBytes;
}
