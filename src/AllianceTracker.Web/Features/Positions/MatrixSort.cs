namespace AllianceTracker.Web.Features.Positions;

/// <summary>The orders the stance matrix's rows can be put in.</summary>
public enum MatrixSort
{
    Name,
    Joined,
    Stance,
}
