namespace AllianceTracker.Web.Features.Accounts;

public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];
}
