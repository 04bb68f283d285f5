namespace AllianceTracker.Web.Domain;

/// <summary>
/// One broken rule: the field it concerns, named as the API and the forms name it
/// (<c>evidence[0].excerpt</c>), and what is wrong, as a sentence a person can act on.
/// </summary>
public sealed record FieldProblem(string Field, string Message);
