using System.Net;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.CommandLine;

public sealed class UsersAddCommandTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task Users_add_creates_an_admin_who_can_then_sign_in()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@example.org";

        var (exit, output, _) = await App.RunCommandAsync(TestAccounts.Password + "\n", "users", "add", "--email", email, "--display-name", "First admin", "--role", "Admin");

        Assert.Equal(0, exit);
        Assert.Contains($"Created {email} with the Admin role", output);
        Assert.DoesNotContain(TestAccounts.Password, output);
        var response = await App.Anonymous().PostSignInAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("--role", "users", "add", "--email", "x@example.org")]
    [InlineData("Emperor", "users", "add", "--email", "x@example.org", "--display-name", "X", "--role", "Emperor")]
    [InlineData("remove", "users", "remove", "--email", "x@example.org", "--role", "Admin")]
    public async Task Bad_usage_exits_2_and_names_what_is_wrong(string named, params string[] args)
    {
        var (exit, output, error) = await App.RunCommandAsync(TestAccounts.Password + "\n", args);

        Assert.Equal(2, exit);
        Assert.Contains(named, error);
        Assert.Contains("--help", error);
        Assert.DoesNotContain("Created", output);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reason_and_exit_1()
    {
        var (exit, _, error) = await App.RunCommandAsync("short\n", "users", "add", "--email", "weak@example.org", "--display-name", "Weak", "--role", "Editor");

        Assert.Equal(1, exit);
        Assert.Contains("at least 12 characters", error);
    }
}
