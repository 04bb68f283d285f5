namespace AllianceTracker.Web.Features.Accounts;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Signed in, but the password was issued by someone else and must be changed first.</summary>
    SignedInMustChangePassword,

    /// <summary>Wrong email, wrong password, disabled or locked: one answer for all, so it tells nothing.</summary>
    Refused,

    /// <summary>Too many failures for this email from this address lately.</summary>
    Throttled,
}
