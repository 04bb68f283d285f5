using System.Text;
using System.Xml;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Feeds;

/// <summary>
/// An Atom feed of stance changes and corrections, for the whole tracker, one member or one
/// proposal, so analysts can follow it in a feed reader.
/// </summary>
public static class ChangeFeed
{
    private const int MaxEntries = 100;
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feeds/changes.atom", async (string? member, string? proposal, HttpContext context, StanceHistoryReader history, CancellationToken ct) =>
        {
            var entries = await history.ReadRecentAsync(new HistoryFilter(Member: member?.ToUpperInvariant(), Proposal: proposal), MaxEntries, ct);
            var xml = Write(entries, BaseUrl(context), context.Request.Path + context.Request.QueryString, member, proposal);
            return Results.Bytes(xml, "application/atom+xml; charset=utf-8");
        }).WithName("ChangeFeed").WithTags("Feeds").WithMetadata(CacheableReadAttribute.Instance);
        return endpoints;
    }

    internal static byte[] Write(IReadOnlyList<StanceHistoryEntry> history, string baseUrl, string selfPath, string? member, string? proposal)
    {
        // Each change is an entry; a retraction is news too, so it appears as an entry of its own.
        var items = history
            .Select(e => (Updated: e.RecordedAtUtc, Entry: e, Retraction: false))
            .Concat(history.Where(e => e.RetractedAtUtc is not null).Select(e => (Updated: e.RetractedAtUtc!.Value, Entry: e, Retraction: true)))
            .OrderByDescending(i => i.Updated).ThenByDescending(i => i.Entry.Id)
            .Take(MaxEntries)
            .ToList();
        var scope = member is not null && history.FirstOrDefault() is { } first ? first.MemberName
            : proposal is not null && history.FirstOrDefault() is { } p ? p.ProposalTitle
            : member ?? proposal ?? "all members and proposals";

        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, $"AllianceTracker: stance changes — {scope}");
            xml.WriteElementString("id", AtomNamespace, $"{baseUrl}{selfPath}");
            xml.WriteElementString("updated", AtomNamespace, Timestamp(items.Count > 0 ? items[0].Updated : DateTime.UnixEpoch));
            WriteLink(xml, "self", baseUrl + selfPath, "application/atom+xml");
            WriteLink(xml, "alternate", baseUrl + "/", "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "AllianceTracker");
            xml.WriteEndElement();

            foreach (var (updated, entry, retraction) in items)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"{baseUrl}/feeds/entries/{entry.Id}{(retraction ? "/retraction" : "")}");
                xml.WriteElementString("title", AtomNamespace, retraction
                    ? $"Retracted: {entry.MemberName} {entry.To.ToLabel()} on {entry.ProposalTitle}"
                    : $"{entry.MemberName}: {entry.From.ToLabel()} → {entry.To.ToLabel()} on {entry.ProposalTitle}");
                xml.WriteElementString("updated", AtomNamespace, Timestamp(updated));
                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, retraction ? entry.RetractedBy! : entry.RecordedBy);
                xml.WriteEndElement();
                WriteLink(xml, "alternate", $"{baseUrl}/members/{entry.MemberAlpha3}", "text/html");
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(retraction ? $"Retracted: {entry.RetractionReason}" : Summary(entry));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static string Summary(StanceHistoryEntry entry)
    {
        var text = new StringBuilder($"Effective {entry.EffectiveOn:yyyy-MM-dd}. {entry.Rationale}");
        if (entry.Conditions is not null)
        {
            text.Append($" Conditions: {entry.Conditions}");
        }

        foreach (var evidence in entry.Evidence)
        {
            text.Append($" “{evidence.Excerpt}” ({evidence.Source.Outlet}, {evidence.Source.Title})");
        }

        return text.ToString();
    }

    private static void WriteLink(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
}
