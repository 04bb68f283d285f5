using System.Security.Claims;
using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// <c>POST /api/v1/news/suggestions</c> reads a pasted news text and suggests stance updates
/// (writes nothing); <c>POST /api/v1/news/acceptances</c> saves the ones an editor reviewed, in one
/// transaction through the history's write path.
/// </summary>
public static class NewsAssistApi
{
    /// <summary>The review, and the reader <c>NewsAssist:Reader</c> names: the rules unless a model is configured.</summary>
    public static IServiceCollection AddNewsAssist(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(NewsAssistOptions.Section).Get<NewsAssistOptions>() ?? new NewsAssistOptions();
        services.AddSingleton<NewsReview>();
        if (!options.UsesModel)
        {
            return services.AddSingleton<INewsReader, RulesNewsReader>();
        }

        if (options.ModelEndpoint is not { Length: > 0 } endpoint || options.ModelName is not { Length: > 0 } model)
        {
            throw new InvalidOperationException($"{NewsAssistOptions.Section}:Reader is Model: set {NewsAssistOptions.Section}:ModelEndpoint and {NewsAssistOptions.Section}:ModelName too (docs/news-assist.md).");
        }

        services.AddChatClient(new OpenAI.Chat.ChatClient(
                model, new System.ClientModel.ApiKeyCredential(options.ModelApiKey ?? "none"), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(endpoint) })
            .AsIChatClient());
        return services.AddSingleton<INewsReader, ModelNewsReader>();
    }

    public static IEndpointRouteBuilder MapNewsAssistApi(this IEndpointRouteBuilder endpoints)
    {
        var news = endpoints.MapGroup("/api/v1/news").WithTags("News assist").RequireAuthorization(Policies.CanEdit)
            // Room for a 100 KB text with its JSON escapes; the text's own limit is checked by the review.
            .WithMetadata(new LargerWriteBodyLimit(4 * NewsReview.MaxTextBytes));
        news.MapPost("/suggestions", SuggestAsync).WithName("SuggestFromNews")
            .WithSummary("Read a news text and suggest stance updates with verbatim excerpts; nothing is written");
        news.MapPost("/acceptances", AcceptAsync).WithName("AcceptNewsSuggestions")
            .WithSummary("Save reviewed suggestions as sourced stance changes in one step; the source is created once");
        return endpoints;
    }

    internal static async Task<Results<Ok<NewsSuggestionsDto>, ValidationProblem>> SuggestAsync(
        NewsSuggestionsBody body, ClaimsPrincipal user, NewsReview review, CancellationToken cancellationToken)
    {
        try
        {
            var read = await review.SuggestAsync(user, body, cancellationToken);
            return TypedResults.Ok(new NewsSuggestionsDto(
                [.. read.Stances.Select(s => new StanceSuggestionDto(
                    s.Member, s.Proposal, s.Stance.ToCode(), s.Conditions, s.Excerpt, s.Confidence, s.Cues, s.CurrentStance.ToCode(), s.CellVersion))],
                [.. read.Outcomes.Select(o => new OutcomeSuggestionDto(o.Proposal, o.Outcome, o.Excerpt, o.Confidence, o.Cues, o.CurrentOutcome.ToCode()))],
                read.Sentences, read.Language, read.WhyNothing,
                [.. read.Unread.Select(u => new UnreadMentionDto(u.Member, u.Proposal, u.Excerpt, u.Cues[0], u.CurrentStance.ToCode(), u.CellVersion))]));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The text was not read");
        }
    }

    internal static async Task<Results<Created<NewsAcceptedDto>, ValidationProblem, Conflict<NewsConflictDto>>> AcceptAsync(
        NewsAcceptanceBody body, ClaimsPrincipal user, NewsReview review, CancellationToken cancellationToken)
    {
        try
        {
            var accepted = await review.AcceptAsync(user, body, cancellationToken);
            return TypedResults.Created($"/api/v1/sources/{accepted.SourceKey}", new NewsAcceptedDto(
                accepted.SourceKey, accepted.SourceAdded,
                [.. accepted.Recorded.Select(r => new AcceptedEntryDto(r.Change.Id, r.Change.MemberAlpha3, r.Change.Proposal!.Slug, r.Change.Stance.ToCode(), r.CellVersion))]));
        }
        catch (EditValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "Nothing was saved");
        }
        catch (StanceConflictException ex)
        {
            return TypedResults.Conflict(new NewsConflictDto(
                ex.MemberAlpha3, ex.ProposalSlug, ex.Current.Latest?.To.ToCode(), ex.Current.Version, ex.Current.Latest?.RecordedBy,
                $"{ex.Message} Nothing was saved: read the text again to see the cell as it stands."));
        }
    }
}
