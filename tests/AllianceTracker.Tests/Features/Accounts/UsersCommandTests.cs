using System.Net;
using AllianceTracker.Tests.Features.Positions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Hosting;

namespace AllianceTracker.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public sealed class UsersCommandTests(AllianceAppFactory app)
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await app.Services.RunAdminCommandAsync(args, new StringReader(input), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Users_add_creates_an_admin_who_can_then_sign_in()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@example.org";

        var (exit, output, _) = await RunAsync(TestAccounts.Password + "\n", "users", "add", "--email", email, "--role", "Admin");

        Assert.Equal(0, exit);
        Assert.Contains($"Created {email} with the Admin role", output);
        Assert.DoesNotContain(TestAccounts.Password, output);
        var response = await app.Anonymous().PostSignInAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("users", "add", "--email", "x@example.org")]
    [InlineData("users", "remove", "--email", "x@example.org", "--role", "Admin")]
    public async Task Bad_usage_exits_2_with_the_usage(params string[] args)
    {
        var (exit, _, error) = await RunAsync("", args);

        Assert.Equal(2, exit);
        Assert.Contains("users add --email <address> --role <Editor|Admin>", error);
    }

    [Fact]
    public async Task A_weak_password_or_unknown_role_is_refused_with_the_reason_and_exit_1()
    {
        var (shortExit, _, shortError) = await RunAsync("short\n", "users", "add", "--email", "weak@example.org", "--role", "Editor");
        var (roleExit, _, roleError) = await RunAsync(TestAccounts.Password + "\n", "users", "add", "--email", "role@example.org", "--role", "Emperor");

        Assert.Equal(1, shortExit);
        Assert.Contains("at least 12 characters", shortError);
        Assert.Equal(1, roleExit);
        Assert.Contains("Unknown role 'Emperor'", roleError);
    }
}
