namespace AllianceTracker.Web.Features.Accounts;

/// <summary>The account pages' log lines (source-generated: no boxing, no parsing of the template per call).</summary>
internal static partial class AccountLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName:l} signed in")]
    public static partial void SignedIn(ILogger logger, string? userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName:l} signed in with a password someone else chose; asked to change it")]
    public static partial void SignedInWithChosenPassword(ILogger logger, string? userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {UserName:l} throttled: too many failures from this address")]
    public static partial void SignInThrottled(ILogger logger, string? userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName:l}")]
    public static partial void SignInFailed(ILogger logger, string? userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName:l} set their password with a one-time link")]
    public static partial void PasswordSetWithLink(ILogger logger, string? userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName:l} changed their password")]
    public static partial void PasswordChanged(ILogger logger, string? userName);
}
