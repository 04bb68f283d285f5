using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Shared;

/// <summary>
/// The app's log lines in the running test's output (shown beside a failure, kept in the TRX),
/// as martincostello/xunit-logging does for ILogger: a test class hands its
/// <see cref="ITestOutputHelper"/> to <see cref="AllianceAppFactory.LogTo"/>. A test class's
/// tests run one at a time, so the current helper is the running test's; a line written after the
/// test has ended has nowhere to go and is dropped. Successful requests are left out: one line per
/// request would bury what a failing test needs.
/// </summary>
public sealed class TestOutputLog : ILogEventSink
{
    // As the app's console writes it, strings unquoted ({Message:lj}), with the exception in full.
    private static readonly MessageTemplateTextFormatter Format = new(
        "[app {Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", System.Globalization.CultureInfo.InvariantCulture);

    private volatile ITestOutputHelper? _current;

    public ITestOutputHelper? Current
    {
        get => _current;
        set => _current = value;
    }

    public void Emit(LogEvent logEvent)
    {
        if (_current is not { } output || IsSuccessfulRequest(logEvent))
        {
            return;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Format.Format(logEvent, text);
        try
        {
            output.WriteLine(text.ToString().TrimEnd());
        }
        catch (InvalidOperationException)
        {
            // The test this helper belongs to has ended.
        }
    }

    private static bool IsSuccessfulRequest(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("StatusCode", out var status) && status is ScalarValue { Value: int code } && code < 400;
}
