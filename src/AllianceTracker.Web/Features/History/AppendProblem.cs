namespace AllianceTracker.Web.Features.History;

/// <summary>A broken rule at one item of an append (<paramref name="Index"/> into its part), so each caller can name it in its own terms.</summary>
public sealed record AppendProblem(AppendPart Part, int Index, string Field, string Message);
