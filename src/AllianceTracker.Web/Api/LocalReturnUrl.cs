namespace AllianceTracker.Web.Api;

/// <summary>
/// The one check for every "go back to" address the app follows (sign-in, sign-out, the theme
/// switch): only a path on this site, else the dashboard. A crafted link must not bounce anyone off
/// to another site.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a local path in printable ASCII, else "/". Anything
    /// else is not a link this site makes: browsers drop tabs and line breaks from addresses (so
    /// "/\t/evil.example" becomes "//evil.example", another site), and a redirect to a control or
    /// non-ASCII character fails with a 500.
    /// </summary>
    public static string OrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl.All(c => c is > ' ' and < '\u007f')
            && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
