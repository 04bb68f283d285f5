using System.Text;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>The source a pasted text comes from, as it would be cited once suggestions are accepted.</summary>
public sealed record NewsSourceBody(string? Title, string? Outlet, string? Published = null, string? Url = null, string? Kind = null, string? PublishedDate = null);

public sealed record NewsSuggestionsBody(string? Text, NewsSourceBody? Source);

/// <summary>A suggested stance, beside the member's current one so the change shows.</summary>
public sealed record StanceSuggestionDto(
    string Member, string Proposal, string Stance, string? Conditions, string Excerpt, double Confidence, IReadOnlyList<string> Cues, string CurrentStance);

/// <summary>A decision the text reports, beside the proposal's current outcome.</summary>
public sealed record OutcomeSuggestionDto(string Proposal, string Outcome, string Excerpt, double Confidence, IReadOnlyList<string> Cues, string CurrentOutcome);

public sealed record NewsSuggestionsDto(IReadOnlyList<StanceSuggestionDto> Suggestions, IReadOnlyList<OutcomeSuggestionDto> Outcomes, IReadOnlyList<string> Sentences);

/// <summary><c>POST /api/v1/news/suggestions</c>: reads a pasted news text and suggests stance updates; writes nothing.</summary>
public static class NewsAssistApi
{
    /// <summary>The longest text read: a long article is 30–50 KB.</summary>
    public const int MaxTextBytes = 100 * 1024;

    public static IServiceCollection AddNewsAssist(this IServiceCollection services) =>
        services.AddSingleton(_ => new ProposalAliases(Path.Combine(AppContext.BaseDirectory, "seeds", "proposal-aliases.json")));

    public static IEndpointRouteBuilder MapNewsAssistApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/news/suggestions", SuggestAsync)
            .RequireAuthorization(Policies.CanEdit)
            // Room for a 100 KB text with its JSON escapes; the text's own limit is checked below.
            .WithMetadata(new LargerWriteBody(4 * MaxTextBytes))
            .WithTags("News assist")
            .WithName("SuggestFromNews")
            .WithSummary("Read a news text and suggest stance updates with verbatim excerpts; nothing is written");
        return endpoints;
    }

    internal static async Task<Results<Ok<NewsSuggestionsDto>, ValidationProblem>> SuggestAsync(
        NewsSuggestionsBody body, AlliancePictureCache pictures, ProposalAliases aliases, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = body.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = ["Paste the news text to read."];
        }
        else if (Encoding.UTF8.GetByteCount(text) > MaxTextBytes)
        {
            errors["text"] = [$"The text is {Encoding.UTF8.GetByteCount(text) / 1024:N0} KB; paste at most {MaxTextBytes / 1024} KB (one article)."];
        }
        else if (text.FirstOrDefault(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) is var control && control != default)
        {
            errors["text"] = [$"The text holds a control character (U+{(int)control:X4}); paste it as plain text."];
        }

        if (body.Source is not { } source)
        {
            errors["source"] = ["Say where the text comes from: title, outlet, published date."];
        }
        else
        {
            // The source's details are checked as every source is (SourceRules), though nothing is
            // saved yet: a suggestion accepted later cites it as given.
            DateOnly? publishedOn = (source.Published ?? source.PublishedDate) is { } published
                ? EvidenceBodies.ReadDate(published, "source.published", errors)
                : null;
            var kind = SourceKind.NewsReport; // only for the check, which does not look at the kind
            if (source.Kind is not null && SourceRules.ParseKind(source.Kind, out kind) is { } unknownKind)
            {
                errors["source.kind"] = [unknownKind];
            }

            foreach (var problem in SourceRules.Check(new SourceInput(null, source.Title ?? "", source.Outlet ?? "", source.Url, publishedOn, false, kind), pictures.Today))
            {
                errors.TryAdd($"source.{(problem.Field == "publishedOn" ? "published" : problem.Field)}", [problem.Message]);
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The text was not read");
        }

        var picture = await pictures.GetAsync(cancellationToken: cancellationToken);
        var proposals = picture.Proposals.Select(p => new ProposalNames(p.Slug, p.Title, aliases.For(p.Slug))).ToList();
        var reading = NewsReader.Read(TextPolicy.Clean(text)!, proposals);
        return TypedResults.Ok(new NewsSuggestionsDto(
            [.. reading.Stances.Where(s => picture.FindMember(s.Member) is not null).Select(s => new StanceSuggestionDto(
                s.Member, s.Proposal, s.Stance.ToCode(), s.Conditions, s.Excerpt, s.Confidence, s.Cues,
                picture.PositionOf(s.Member, s.Proposal).Stance.ToCode()))],
            [.. reading.Outcomes.Select(o => new OutcomeSuggestionDto(
                o.Proposal, o.Outcome, o.Excerpt, o.Confidence, o.Cues, picture.FindProposal(o.Proposal)!.Proposal.Outcome.ToCode()))],
            reading.Sentences));
    }
}
