namespace AllianceTracker.Web.Domain;

public enum SourceKind
{
    NewsReport,
    OfficialStatement,

    /// <summary>A summit declaration or communiqué: the text the allies agreed.</summary>
    Declaration,
    Interview,
    Analysis,
}
