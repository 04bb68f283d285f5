using System.Collections.Concurrent;
using AllianceTracker.Tests.Shared;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Support;

/// <summary>The app's log lines reach the output of the test that asked for them (<see cref="AllianceAppFactory.LogTo"/>).</summary>
public sealed class TestOutputLogTests
{
    private sealed class RecordingOutput : ITestOutputHelper
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void WriteLine(string message) => Lines.Enqueue(message);

        public void WriteLine(string format, params object[] args) => Lines.Enqueue(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }

    [Fact]
    public async Task A_failed_request_is_in_the_tests_output_and_successful_ones_are_not()
    {
        var output = new RecordingOutput();
        await using var app = new AllianceAppFactory().LogTo(output);
        using var client = app.CreateClient();

        (await client.GetAsync("/api/v1/members")).EnsureSuccessStatusCode();
        await client.GetAsync("/api/v1/members/XXX");

        Assert.Contains(output.Lines, line => line.Contains("[app ", StringComparison.Ordinal) && line.Contains("GET /api/v1/members/XXX responded 404", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Lines, line => line.Contains("responded 200", StringComparison.Ordinal));
    }
}
