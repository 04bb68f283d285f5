namespace AllianceTracker.Web.Features.NewsAssist;

public enum ReviewDecision
{
    Pending,
    Accept,
    Reject,
}
