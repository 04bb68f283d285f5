using System.Globalization;
using System.Text;
using System.Xml;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;

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
        endpoints.MapGet("/feeds/changes.atom", async (
            string? member, string? proposal, string? format, HttpContext context, StanceHistoryReader history, DecisionHistoryReader decisions,
            ProposalRevisionReader revisions, AlliancePictureCache pictures, CancellationToken ct) =>
        {
            if (member is not null && !CodePatterns.IsAlpha3(member.ToUpperInvariant()))
            {
                return ApiParameters.Invalid("member", ApiParameters.NotAMemberCode(member));
            }

            if (proposal is not null && !CodePatterns.IsSlug(proposal))
            {
                return ApiParameters.Invalid("proposal", ApiParameters.NotAProposalSlug(proposal));
            }

            // A well-formed code nobody has is a feed that does not exist, not an empty one.
            var picture = await pictures.GetAsync(cancellationToken: ct);
            if (member is not null && picture.FindMember(member.ToUpperInvariant()) is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such member", detail: $"There is no member with the code '{member}', so there is no feed for it.");
            }

            if (proposal is not null && picture.FindProposal(proposal) is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such proposal", detail: $"There is no proposal with the slug '{proposal}', so there is no feed for it.");
            }

            // A person who opens the feed in a browser gets it as a page that says what it is (a browser
            // shows raw XML, and XSLT is gone from Chromium); feed readers, and ?format=atom, get Atom.
            if (format != "atom" && OpensAsPage(context.Request))
            {
                var page = QueryString.Create(new Dictionary<string, string?> { ["feed"] = "1", ["member"] = member?.ToUpperInvariant(), ["proposal"] = proposal }
                    .Where(p => p.Value is not null));
                return Results.Redirect($"{context.Request.PathBase}/changes{page}");
            }

            var entries = await history.ReadRecentAsync(new HistoryFilter(Member: member?.ToUpperInvariant(), Proposal: proposal), MaxEntries, ct);
            // Decisions concern a proposal, not a member: a member's feed has none.
            var decided = member is null ? await decisions.ReadRecentAsync(proposal, MaxEntries, ct) : [];
            var revised = member is null ? await revisions.ReadRecentAsync(proposal, MaxEntries, ct) : [];
            var xml = Write(entries, decided, BaseUrl(context), context.Request.Path + context.Request.QueryString, member, proposal, revised);
            return (IResult)Results.Bytes(xml, "application/atom+xml; charset=utf-8");
        }).WithName("ChangeFeed")
            .WithMetadata(new FileResponse("An Atom 1.0 feed, newest first, at most 100 entries.", "application/atom+xml"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Atom feed of stance changes, retractions, decisions and proposal texts, for everything, one member or one proposal").WithTags("Feeds").WithMetadata(CacheableReadAttribute.Instance);
        return endpoints;
    }

    /// <summary>A browser's navigation: it asks for HTML and not for Atom.</summary>
    internal static bool OpensAsPage(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) && !accept.Contains("application/atom+xml", StringComparison.OrdinalIgnoreCase);
    }

    private sealed record FeedItem(DateTime Updated, long Order, string Id, string Title, string Author, string Link, string Summary);

    internal static byte[] Write(
        IReadOnlyList<StanceHistoryEntry> history, IReadOnlyList<DecisionHistoryEntry> decisions, string baseUrl, string selfPath, string? member, string? proposal,
        IReadOnlyList<ProposalRevisionEntry>? revisions = null)
    {
        // Each change and each decision is an entry; a retraction is news too, so it appears as an entry of its own.
        var items = history
            .Select(e => new FeedItem(e.RecordedAtUtc, e.Id, $"{baseUrl}/feeds/entries/{e.Id}",
                RetractedMark(e.RetractedAtUtc) + (e.AddsEvidence
                    ? $"{e.MemberName}: evidence added for {e.To.ToLabel()} on {e.ProposalTitle}"
                    : $"{e.MemberName}: {e.From.ToLabel()} → {e.To.ToLabel()} on {e.ProposalTitle}"), e.RecordedBy, $"{baseUrl}/members/{e.MemberAlpha3}",
                RetractedNote(e.RetractedAtUtc, e.RetractionReason) + Summary(e)))
            .Concat(history.Where(e => e.RetractedAtUtc is not null).Select(e => new FeedItem(e.RetractedAtUtc!.Value, e.Id, $"{baseUrl}/feeds/entries/{e.Id}/retraction",
                $"Retracted: {e.MemberName} {e.To.ToLabel()} on {e.ProposalTitle}", e.RetractedBy!, $"{baseUrl}/members/{e.MemberAlpha3}", $"Retracted: {e.RetractionReason}")))
            .Concat(decisions.Select(d => new FeedItem(d.RecordedAtUtc, d.Id, $"{baseUrl}/feeds/decisions/{d.Id}",
                $"{RetractedMark(d.RetractedAtUtc)}Decision: {d.ProposalTitle} {d.Outcome.ToVerb()} on {d.DecidedOn:d MMMM yyyy}", d.RecordedBy, $"{baseUrl}/proposals/{d.ProposalSlug}",
                RetractedNote(d.RetractedAtUtc, d.RetractionReason) + Summary(d))))
            .Concat(decisions.Where(d => d.RetractedAtUtc is not null).Select(d => new FeedItem(d.RetractedAtUtc!.Value, d.Id, $"{baseUrl}/feeds/decisions/{d.Id}/retraction",
                $"Retracted decision: {d.ProposalTitle} {d.Outcome.ToVerb()}", d.RetractedBy!, $"{baseUrl}/proposals/{d.ProposalSlug}", $"Retracted: {d.RetractionReason}")))
            .Concat((revisions ?? []).Select(r => new FeedItem(r.RecordedAtUtc, r.Id, $"{baseUrl}/feeds/proposal-texts/{r.Id}",
                r.IsFirst ? $"New proposal: {r.Title}" : $"Proposal text revised: {r.Title}", r.RecordedBy, $"{baseUrl}/proposals/{r.ProposalSlug}", Summary(r))))
            .OrderByDescending(i => i.Updated).ThenByDescending(i => i.Order)
            .Take(MaxEntries)
            .ToList();
        var scope = member is not null && history is [var first, ..] ? first.MemberName
            : proposal is not null && ((history.Count > 0 ? history[0].ProposalTitle : null) ?? (decisions.Count > 0 ? decisions[0].ProposalTitle : null)) is { } title ? title
            : member ?? proposal ?? "all members and proposals";

        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, XmlSafe($"AllianceTracker: stance changes and decisions — {scope}"));
            xml.WriteElementString("id", AtomNamespace, XmlSafe($"{baseUrl}{selfPath}"));
            xml.WriteElementString("updated", AtomNamespace, Timestamp(items.Count > 0 ? items[0].Updated : DateTime.UnixEpoch));
            WriteLink(xml, "self", baseUrl + selfPath, "application/atom+xml");
            WriteLink(xml, "alternate", baseUrl + "/", "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "AllianceTracker");
            xml.WriteEndElement();

            foreach (var item in items)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, XmlSafe(item.Id));
                xml.WriteElementString("title", AtomNamespace, XmlSafe(item.Title));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(item.Updated));
                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, XmlSafe(item.Author));
                xml.WriteEndElement();
                WriteLink(xml, "alternate", item.Link, "text/html");
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(XmlSafe(item.Summary));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    // An entry taken back later says so where a reader meets it, not only in the retraction's own entry.
    private static string RetractedMark(DateTime? retractedAtUtc) => retractedAtUtc is null ? "" : "[Retracted] ";

    private static string RetractedNote(DateTime? retractedAtUtc, string? reason) =>
        retractedAtUtc is { } at ? $"Retracted on {at:yyyy-MM-dd}: {reason}. What follows no longer stands. " : "";

    private static string Summary(ProposalRevisionEntry revision) =>
        $"{(revision.IsFirst ? "Tabled" : revision.InForceFrom is { } from ? $"Changed from {from:yyyy-MM-dd}" : "Corrected for every date")}. "
        + $"Proposed by {revision.Proposer}. {revision.Description}{(revision.Note is null ? "" : $" Note: {revision.Note}")}";

    private static string Summary(DecisionHistoryEntry decision)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{decision.Outcome.ToLabel()} on {decision.DecidedOn:yyyy-MM-dd}."));
        if (decision.ReplacedByTitle is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" Replaced by {decision.ReplacedByTitle}.");
        }

        if (decision.Note is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" {decision.Note}");
        }

        foreach (var evidence in decision.Evidence)
        {
            text.Append(CultureInfo.InvariantCulture, $" “{evidence.Excerpt}” ({evidence.Source.Outlet}, {evidence.Source.Title})");
        }

        return text.ToString();
    }

    private static string Summary(StanceHistoryEntry entry)
    {
        // "c." as on the pages: a date inferred from the source, not stated in it.
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Effective {(entry.EffectiveOnIsApproximate ? "c. " : "")}{entry.EffectiveOn:yyyy-MM-dd}. {entry.Rationale}"));
        if (entry.Conditions is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" Conditions: {entry.Conditions}");
        }

        if (entry.InterpretationNote is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" Interpretation: {entry.InterpretationNote}");
        }

        foreach (var evidence in entry.Evidence)
        {
            text.Append(CultureInfo.InvariantCulture, $" “{evidence.Excerpt}” ({evidence.Source.Outlet}, {evidence.Source.Title})");
        }

        return text.ToString();
    }

    private static void WriteLink(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", XmlSafe(href));
        xml.WriteEndElement();
    }

    /// <summary>
    /// Drops what XML cannot carry. The text policy keeps control characters out of new text, but
    /// the history is append-only: one such character stored before the policy must not break the
    /// feed for good.
    /// </summary>
    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : XmlConvert.VerifyXmlChars(new string(FilterXmlChars(text).ToArray()));

    private static IEnumerable<char> FilterXmlChars(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                yield return text[i];
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                yield return text[i];
                yield return text[++i];
            }
        }
    }

    private static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string BaseUrl(HttpContext context) => context.RequestServices.GetRequiredService<PublicAddress>().BaseUrl(context);
}
