namespace AllianceTracker.Web.Domain;

/// <summary>A member's position on a proposal. The string codes are part of the public API.</summary>
public enum Stance
{
    Unknown = 0,
    Supports,
    Conditional,
    Undecided,
    OptsOut,
    Opposes,
}
