using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>
/// An editor's way into the stance dialog from a page's cells: one per circuit (scoped), its edit
/// buttons plain elements. A dashboard shows 96 of them, and a component per button (with its
/// AuthorizeView, MudIconButton and MudIcon) made the editor's circuit several megabytes
/// (docs/performance.md). Showing the buttons is a courtesy; the recorder checks the role on the server.
/// </summary>
public sealed class StanceEditor(IDialogService dialogs, ISnackbar snackbar, Components.OwnSaves ownSaves)
{
    // What MudIconButton renders for a small icon button, written once.
    private const string ButtonClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small edit-stance";

    private const string EditIcon =
        "<span class=\"mud-icon-button-label\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">"
        + Icons.Material.Filled.Edit + "</svg></span>";

    /// <summary>
    /// The edit button for one cell; a click opens the dialog on it. <c>viewedOn</c> is the date of
    /// the picture the button is on: from a past date the dialog asks when the change takes effect.
    /// Until the editor's page is interactive (<paramref name="interactive"/>: the first second or
    /// two, the server-rendered page) the button is disabled and says so: a click then did nothing
    /// at all (issue 29).
    /// </summary>
    public RenderFragment Button(string memberAlpha3, string memberName, string proposalSlug, string proposalTitle, DateOnly? viewedOn, bool interactive) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", interactive ? ButtonClass : ButtonClass + " mud-disabled");
        builder.AddAttribute(3, "aria-label", interactive ? $"Edit {memberName}'s stance on {proposalTitle}" : $"Edit {memberName}'s stance on {proposalTitle} (editing is starting)");
        builder.AddAttribute(4, "title", interactive ? $"Edit {memberName}'s stance" : "Editing is starting…");
        builder.AddAttribute(5, "disabled", !interactive);
        builder.AddAttribute(6, "data-member", memberAlpha3);
        builder.AddAttribute(7, "data-proposal", proposalSlug);
        // No receiver: nothing on the page needs rendering when the dialog opens; a saved change
        // reaches the page through the change notifier, and through OwnSaves, below.
        builder.AddAttribute(8, "onclick", new EventCallback(null, (Func<Task>)(() => OpenAsync(memberAlpha3, memberName, proposalSlug, proposalTitle, viewedOn))));
        builder.AddMarkupContent(9, EditIcon);
        builder.CloseElement();
    };

    public async Task OpenAsync(string memberAlpha3, string memberName, string proposalSlug, string proposalTitle, DateOnly? viewedOn = null)
    {
        var parameters = new DialogParameters<StanceEditDialog>
        {
            { d => d.MemberAlpha3, memberAlpha3 },
            { d => d.MemberName, memberName },
            { d => d.ProposalSlug, proposalSlug },
            { d => d.ProposalTitle, proposalTitle },
            { d => d.ViewedOn, viewedOn },
        };
        var dialog = await dialogs.ShowAsync<StanceEditDialog>("Edit stance", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            // Committed: the editor's page shows it now, whenever this instance's notice comes.
            await ownSaves.AnnounceAsync();
        }

        if (result is { Canceled: false, Data: IReadOnlyList<StanceChange> { Count: > 1 } several })
        {
            snackbar.Add($"Saved one statement for {several.Count} cells, starting with {memberName} on {proposalTitle}.", Severity.Success);
        }
        else if (result is { Canceled: false })
        {
            snackbar.Add($"Saved: {memberName} on {proposalTitle}.", Severity.Success);
        }
    }
}
