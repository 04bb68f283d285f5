using System.Security.Claims;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Exchange;

public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/imports", ImportAsync)
            .RequireAuthorization(Policies.CanAdminister)
            .Accepts<ExportDocument>("application/json")
            .WithTags("Snapshots and exports")
            .WithName("ImportDataset");
        return endpoints;
    }

    /// <summary>Checks (dryRun=true, the default) or applies a dataset sent as the request body.</summary>
    internal static async Task<Results<Ok<ImportResultDto>, ValidationProblem>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, DatasetImport import, bool? dryRun, CancellationToken cancellationToken)
    {
        // Read at most one byte past the limit: enough to refuse an oversized file without holding all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length <= DatasetImport.MaxBytes)
        {
            buffer.Write(chunk, 0, read);
        }

        try
        {
            var apply = dryRun == false;
            var plan = apply
                ? await import.ApplyAsync(user, buffer.ToArray(), cancellationToken)
                : await import.PreviewAsync(user, buffer.ToArray(), cancellationToken);
            return TypedResults.Ok(new ImportResultDto(apply, plan.MembersAdded, plan.SummitsAdded, plan.ProposalsAdded, plan.SourcesAdded,
                plan.StanceChanges, plan.Diff.Cells, plan.Notes));
        }
        catch (ImportRefusedException ex)
        {
            return TypedResults.ValidationProblem(
                ex.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "The import was refused; nothing was changed");
        }
    }
}
