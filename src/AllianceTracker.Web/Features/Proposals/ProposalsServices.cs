namespace AllianceTracker.Web.Features.Proposals;

public static class ProposalsServices
{
    public static IServiceCollection AddProposals(this IServiceCollection services) => services.AddSingleton<ProposalAdministration>();
}
