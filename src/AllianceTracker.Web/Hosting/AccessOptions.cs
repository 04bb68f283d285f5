namespace AllianceTracker.Web.Hosting;

public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>When true, reading also needs an account (by default analysts read anonymously).</summary>
    public bool RequireSignInToRead { get; set; }

    /// <summary>Sign-in attempts (form posts) allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// How often a signed-in session (a cookie, an open editor page) is checked against its account,
    /// so a removed role, a disabled account or a sign-out elsewhere takes effect. At most a minute.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>In Development only: create a demo editor and print its password once.</summary>
    public bool CreateDemoEditor { get; set; } = true;
}
