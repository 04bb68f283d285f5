using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace AllianceTracker.Web.Components;

/// <summary>
/// Around each page area: if something in it fails, the rest of the page (header, navigation) and
/// an editor's circuit stay alive, and the reader sees a short reference that is also in the log
/// beside the exception, so an operator can find it.
/// </summary>
public sealed partial class AreaErrorBoundary : ErrorBoundary
{
    [Inject]
    private ILogger<AreaErrorBoundary> Logger { get; set; } = null!;

    public string? Reference { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        Reference = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        Log.AreaFailed(Logger, exception, Reference);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenElement(1, "div");
        builder.AddAttribute(2, "role", "alert");
        builder.AddAttribute(3, "class", "area-error");
        builder.AddAttribute(4, "data-testid", "area-error");
        builder.AddContent(5, $"This part of the page could not be shown. Reload to try again; if it keeps failing, give the operator the reference {Reference}.");
        builder.CloseElement();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A page area failed (reference {Reference})")]
        public static partial void AreaFailed(ILogger logger, Exception exception, string reference);
    }
}
