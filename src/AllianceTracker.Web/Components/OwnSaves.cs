namespace AllianceTracker.Web.Components;

/// <summary>
/// Tells the live page in an editor's circuit that the editor's own save has committed, so the
/// page reads its picture again at once instead of only when this instance's notice of the change
/// comes (it may be held for an earlier one, or lost with a connection). The save itself waits for
/// no reader (ADR 0006): this runs after it, in the editor's own circuit. Scoped: one per circuit.
/// </summary>
public sealed class OwnSaves
{
    public event Func<Task>? Committed;

    /// <summary>Lets every page that listens read again, one after the other.</summary>
    public async Task AnnounceAsync()
    {
        if (Committed is not { } committed)
        {
            return;
        }

        foreach (var page in committed.GetInvocationList().Cast<Func<Task>>())
        {
            await page();
        }
    }
}
