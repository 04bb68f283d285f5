using System.Security.Claims;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Stances;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Shared;

/// <summary>Principals as the cookie handler would build them, and a recorder that checks them for real.</summary>
public static class TestEditors
{
    public static IAuthorizationService Authorization { get; } = new ServiceCollection()
        .AddLogging()
        .AddAuthorization(Policies.Add)
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();

    public static ClaimsPrincipal Editor(string name = "test-editor") => Principal(name, Roles.Editor);

    public static ClaimsPrincipal Admin(string name = "test-admin") => Principal(name, Roles.Admin);

    public static ClaimsPrincipal Reader(string name = "test-reader") => Principal(name);

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    /// <summary>The history's write path over <paramref name="database"/>, announcing through <paramref name="notifier"/>.</summary>
    public static HistoryWriter Writer(IDbContextFactory<Web.Data.AllianceDbContext> database, TimeProvider clock, IStanceChangeNotifier notifier) =>
        HistoryWriter.Over(database, clock, notifier);

    public static StanceRecorder Recorder(IDbContextFactory<Web.Data.AllianceDbContext> database, TimeProvider clock, IStanceChangeNotifier notifier) =>
        new(Writer(database, clock, notifier), HistoryReader(database), Authorization);

    /// <summary>The history's reader over <paramref name="database"/>, naming authors as readers see them.</summary>
    public static StanceHistoryReader HistoryReader(IDbContextFactory<Web.Data.AllianceDbContext> database) => new(database, new AuthorDirectory(database));

    private static ClaimsPrincipal Principal(string name, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));
}
