namespace AllianceTracker.Web.Features.Live;

/// <summary>Why a stream was refused, and what the reader is told.</summary>
public enum StreamRefusal
{
    None,
    TooManyFromThisClient,
    InstanceFull,
}
