using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace AllianceTracker.Tests.Shared;

/// <summary>
/// Every Error (and Fatal) line a test app writes, rendered with its source and exception: the app
/// picks the sink up from its services (LoggingSetup reads sinks from them). Tests that walk the app
/// as a person does assert it stays empty.
/// </summary>
public sealed class RecordedErrors : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Error)
        {
            return;
        }

        using var text = new StringWriter();
        text.Write(logEvent.Properties.TryGetValue("SourceContext", out var source) ? $"{source}: " : "");
        logEvent.RenderMessage(text, System.Globalization.CultureInfo.InvariantCulture);
        if (logEvent.Exception is not null)
        {
            text.Write($" {logEvent.Exception.GetType().Name}: {logEvent.Exception.Message}");
        }

        _lines.Enqueue(text.ToString());
    }
}
