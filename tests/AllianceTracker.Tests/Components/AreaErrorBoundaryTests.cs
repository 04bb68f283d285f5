using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AllianceTracker.Web.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AllianceTracker.Tests.Components;

public sealed partial class AreaErrorBoundaryTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly ConcurrentQueue<(string Message, Exception? Exception)> _log = new();

    public Task InitializeAsync()
    {
        _context.Services.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(_log)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    // xunit 2 disposes through IAsyncLifetime.DisposeAsync above and never calls this: it says the
    // class owns what it disposes (CA1001), and it is the method xunit 3 calls.
    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Fact]
    public void An_area_that_fails_shows_a_reference_that_is_in_the_log_and_the_area_beside_it_still_renders()
    {
        var page = _context.Render(builder =>
        {
            builder.OpenComponent<AreaErrorBoundary>(0);
            builder.AddAttribute(1, "ChildContent", (RenderFragment)(area =>
            {
                area.OpenComponent<FailingArea>(0);
                area.CloseComponent();
            }));
            builder.CloseComponent();
            builder.OpenComponent<AreaErrorBoundary>(2);
            builder.AddAttribute(3, "ChildContent", (RenderFragment)(area => area.AddMarkupContent(0, "<p id=\"healthy\">The matrix</p>")));
            builder.CloseComponent();
        });

        var message = page.Find("[data-testid=area-error]").TextContent;
        var reference = Reference().Match(message).Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.Equal("The matrix", page.Find("#healthy").TextContent);
        Assert.Contains(_log, entry => entry.Message.Contains(reference, StringComparison.Ordinal) && entry.Exception is InvalidOperationException);
    }

    [GeneratedRegex("reference ([0-9a-f]{8})")]
    private static partial Regex Reference();

    private sealed class FailingArea : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("This area cannot render.");
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<(string, Exception?)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(log);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<(string, Exception?)> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue((formatter(state, exception), exception));
        }
    }
}
