using System.Security.Claims;
using System.Text;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// The news assist for editors, from the review page and the API alike: reads a pasted text into
/// suggestions (nothing written), and saves the ones an editor accepted as ordinary sourced
/// changes through the history's one write path — one transaction, the source created once (or an
/// existing one cited), each with its excerpt, every cell checked against the version the editor
/// saw, each entry marked as coming from the news assist.
/// </summary>
public sealed class NewsReview(
    AlliancePictureCache pictures,
    IDbContextFactory<AllianceDbContext> dbFactory,
    StanceHistoryReader history,
    HistoryWriter writer,
    INewsReader reader,
    IAuthorizationService authorization)
{
    /// <summary>The longest text read: a long article is 30–50 KB.</summary>
    public const int MaxTextBytes = 100 * 1024;

    /// <exception cref="EditValidationException">The text or the source's details are not usable; keys <c>text</c>, <c>source.*</c>.</exception>
    public async Task<NewsSuggestions> SuggestAsync(ClaimsPrincipal user, NewsSuggestionsBody body, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        var errors = new Dictionary<string, string[]>();
        var text = CheckText(body.Text, errors);
        var source = CheckSource(body.Source, errors);
        if (errors.Count > 0)
        {
            throw new EditValidationException(errors);
        }

        var picture = await pictures.GetAsync(cancellationToken: cancellationToken);
        var aliases = await AliasesAsync(cancellationToken);
        var proposals = picture.Proposals.Select(p => new ProposalNames(p.Slug, p.Title, aliases.GetValueOrDefault(p.Slug) ?? [])).ToList();
        var reading = await reader.ReadAsync(text!, proposals, source!.PublishedOn, cancellationToken);

        var readings = reading.Stances.Where(s => picture.FindMember(s.Member) is not null).ToList();
        var unread = reading.Unread.Where(u => picture.FindMember(u.Member) is not null && picture.FindProposal(u.Proposal) is not null).ToList();
        // The cells as stored now, not as a cached picture has them (their versions are what the save
        // is checked against), read together: one query for all of them.
        var cells = await history.ReadCellsAsync(
            [.. readings.Select(s => new StanceCell(s.Member, s.Proposal)).Concat(unread.Select(u => new StanceCell(u.Member, u.Proposal))).Distinct()], cancellationToken);
        NewsSuggestion Suggestion(string member, string proposal, Stance stance, string? conditions, string excerpt, double confidence, IReadOnlyList<string> cues, int sentence, bool byGroup)
        {
            var cell = cells[new StanceCell(member, proposal)];
            return new NewsSuggestion(
                member, picture.FindMember(member)!.Name, proposal, picture.FindProposal(proposal)!.Proposal.Title, stance, conditions, excerpt,
                confidence, cues, sentence, cell.Latest?.To ?? Stance.Unknown, cell.Version, cell.Latest)
            {
                ByGroup = byGroup,
            };
        }

        var suggestions = readings.Select(s => Suggestion(s.Member, s.Proposal, s.Stance, s.Conditions, s.Excerpt, s.Confidence, s.Cues, s.FirstSentence, s.ByGroup)).ToList();

        return new NewsSuggestions(
            reading.Sentences,
            suggestions,
            [.. reading.Outcomes.Select(o => new NewsOutcomeSuggestion(
                o.Proposal, picture.FindProposal(o.Proposal)!.Proposal.Title, o.Outcome, o.Excerpt, o.Confidence, o.Cues, o.FirstSentence,
                picture.FindProposal(o.Proposal)!.Proposal.Outcome))])
        {
            Language = reading.Language,
            MembersRead = [.. reading.MembersRead.Select(code => picture.FindMember(code)?.Name ?? code)],
            ProposalsRead = [.. reading.ProposalsRead.Select(slug => picture.FindProposal(slug)?.Proposal.Title ?? slug)],
            StanceWordsRead = reading.StanceWordsRead,
            // No stance and no confidence: the editor reads the sentence and chooses one, or leaves it.
            Unread = [.. unread.Select(u => Suggestion(u.Member, u.Proposal, Stance.Unknown, null, u.Excerpt, 0, [u.NamedAs], u.Sentence, u.ByGroup))],
        };
    }

    /// <exception cref="EditValidationException">Something reviewed breaks a rule; keys <c>text</c>, <c>source.*</c>, <c>stances</c>, <c>stances[i].*</c>. Nothing was written.</exception>
    /// <exception cref="StanceConflictException">A cell changed after the editor read it; nothing was written.</exception>
    public async Task<NewsAccepted> AcceptAsync(ClaimsPrincipal user, NewsAcceptanceBody body, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        var errors = new Dictionary<string, string[]>();
        var text = CheckText(body.Text, errors);
        var source = CheckSource(body.Source, errors);
        var stances = body.Stances ?? [];
        if (stances.Count == 0)
        {
            errors["stances"] = ["Accept at least one suggestion to save."];
        }

        var quotable = text is null ? null : new QuotableText(text);
        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < stances.Count; i++)
        {
            var stance = stances[i];
            if (!seen.Add((stance.Member, stance.Proposal)))
            {
                errors[$"stances[{i}].member"] = [$"{stance.Member} on {stance.Proposal} is listed twice; keep one."];
            }

            if (!stance.AddAsEvidence && StanceRules.ParseStance(stance.Stance, out _) is { } badStance)
            {
                errors[$"stances[{i}].stance"] = [badStance];
            }

            if (stance.EffectiveDate is not null && !IsoDate.TryParse(stance.EffectiveDate, out _))
            {
                errors[$"stances[{i}].effectiveDate"] = [IsoDate.NotADate(stance.EffectiveDate)];
            }
            else if (stance.EffectiveDate is null && source is { PublishedOn: null })
            {
                errors[$"stances[{i}].effectiveDate"] = ["The source has no date: give the date the stance takes effect."];
            }

            if (quotable is not null && !string.IsNullOrWhiteSpace(stance.Excerpt) && !quotable.Quotes(stance.Excerpt))
            {
                errors[$"stances[{i}].excerpt"] = ["The excerpt must be words of the text as written: shorten it from either end, but do not change it."];
            }
        }

        if (errors.Count > 0)
        {
            throw new EditValidationException(errors);
        }

        var (sourceKey, newSource) = await CiteAsync(source!, cancellationToken);
        var picture = await pictures.GetAsync(cancellationToken: cancellationToken);
        var changes = stances.Select(s =>
        {
            if (s.AddAsEvidence)
            {
                return new StanceChangeInput(s.Member ?? "", s.Proposal ?? "", Stance.Unknown, null, default, "", [new EvidenceInput(sourceKey, s.Excerpt ?? "")], s.ExpectedVersion, AddsEvidence: true);
            }

            // An unknown stance code reads as Unknown ("no position on record"), as it always has.
            var stance = StanceVocabulary.TryParse(s.Stance, out var parsed) ? parsed : Stance.Unknown;
            var effectiveOn = s.EffectiveDate is null ? source!.PublishedOn!.Value : IsoDate.Parse(s.EffectiveDate);
            var rationale = string.IsNullOrWhiteSpace(s.Rationale)
                ? $"As {source!.Outlet.Trim()} reported: {picture.FindMember(s.Member ?? "")?.Name ?? s.Member} {stance.ToPredicate()}."
                : s.Rationale;
            return new StanceChangeInput(
                s.Member ?? "", s.Proposal ?? "", stance, s.Conditions, effectiveOn, rationale, [new EvidenceInput(sourceKey, s.Excerpt ?? "")], s.ExpectedVersion,
                EffectiveOnIsApproximate: s.EffectiveDate is null && source!.PublishedOnIsApproximate);
        }).ToList();

        try
        {
            var summary = await writer.AppendAsync(
                new HistoryAppend(user.AuthorName(), changes) { Sources = newSource is null ? [] : [newSource], Origin = EntryOrigin.NewsAssist },
                cancellationToken);
            return new NewsAccepted(sourceKey, newSource is not null, summary.Recorded);
        }
        catch (HistoryAppendRefusedException ex)
        {
            throw new EditValidationException(ex.Problems
                .GroupBy(p => p.Part == AppendPart.Changes ? $"stances[{p.Index}].{AcceptedField(p.Field)}" : $"source.{p.Field}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }
    }

    /// <summary>The history's field names as the review names them: the one evidence item's excerpt is the suggestion's.</summary>
    private static string AcceptedField(string field) => field switch
    {
        "evidence[0].excerpt" => "excerpt",
        "effectiveOn" => "effectiveDate",
        _ => field,
    };

    /// <summary>
    /// The source as stored already (same address, or same title, outlet and date: the same
    /// article pasted twice is one source) or a new one with a fresh key, created in the save.
    /// </summary>
    private async Task<(string Key, SourceInput? New)> CiteAsync(SourceInput source, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var url = SourceRules.NormalizeUrl(source.Url);
        var (title, outlet) = (source.Title.Trim(), source.Outlet.Trim());
        var existing = url is not null
            ? await db.Sources.AsNoTracking().Where(s => s.Url == url).Select(s => s.Key).FirstOrDefaultAsync(cancellationToken)
            : await db.Sources.AsNoTracking().Where(s => s.Url == null && s.Title == title && s.Outlet == outlet && s.PublishedOn == source.PublishedOn)
                .Select(s => s.Key).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return (existing, null);
        }

        var key = SourceKeys.New(source);
        return (key, source with { Key = key });
    }

    private async Task<Dictionary<string, string[]>> AliasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.ProposalAliases.AsNoTracking()
                .Where(a => a.RemovedAtUtc == null)
                .OrderBy(a => a.Id)
                .Select(a => new { a.Proposal!.Slug, a.Phrase })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.Slug)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Phrase).ToArray());
    }

    // By position, not by value: NUL is a control character too, and also what "none found" would be.
    private static int FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] is not ('\n' or '\r' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text cleaned as stored text is (trimmed, NFC, \n), or null with the problem in <paramref name="errors"/>.</summary>
    private static string? CheckText(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = ["Paste the news text to read."];
        }
        else if (Encoding.UTF8.GetByteCount(text) > MaxTextBytes)
        {
            errors["text"] = [$"The text is {Encoding.UTF8.GetByteCount(text) / 1024:N0} KB; paste at most {MaxTextBytes / 1024} KB (one article)."];
        }
        else if (FirstControlCharacter(text) is var at and >= 0)
        {
            errors["text"] = [$"The text holds a control character (U+{(int)text[at]:X4}); paste it as plain text."];
        }
        else
        {
            return TextPolicy.Clean(text);
        }

        return null;
    }

    /// <summary>
    /// The source's details, checked as every source is (SourceRules) though nothing is saved yet:
    /// a suggestion accepted later cites it as given.
    /// </summary>
    private SourceInput? CheckSource(NewsSourceBody? source, Dictionary<string, string[]> errors)
    {
        if (source is null)
        {
            errors["source"] = ["Say where the text comes from: title, outlet, published date."];
            return null;
        }

        var before = errors.Count;
        DateOnly? publishedOn = (source.Published ?? source.PublishedDate) is { Length: > 0 } published
            ? Api.EvidenceBodies.ReadDate(published, "source.published", errors)
            : null;
        var kind = SourceKind.NewsReport;
        if (!string.IsNullOrEmpty(source.Kind) && SourceRules.ParseKind(source.Kind, out kind) is { } unknownKind)
        {
            errors["source.kind"] = [unknownKind];
        }

        var input = new SourceInput(null, source.Title ?? "", source.Outlet ?? "", string.IsNullOrWhiteSpace(source.Url) ? null : source.Url, publishedOn, source.PublishedApproximate, kind);
        foreach (var problem in SourceRules.Check(input, pictures.Today))
        {
            errors.TryAdd($"source.{(problem.Field == "publishedOn" ? "published" : problem.Field)}", [problem.Message]);
        }

        return errors.Count == before ? input : null;
    }

    /// <summary>Whether <paramref name="excerpt"/> is a run of the text's words as written (<see cref="QuotableText"/>).</summary>
    public static bool IsVerbatim(string excerpt, string text) => new QuotableText(text).Quotes(excerpt);
}
