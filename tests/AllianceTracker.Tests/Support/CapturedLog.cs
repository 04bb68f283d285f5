using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace AllianceTracker.Tests.Support;

/// <summary>A Serilog sink the app picks up from its services: every log line the app writes, rendered.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        logEvent.RenderMessage(text, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var property in logEvent.Properties)
        {
            text.Write($" {property.Key}={property.Value}");
        }

        text.Write(" " + logEvent.Exception);
        _lines.Enqueue(text.ToString());
    }
}
