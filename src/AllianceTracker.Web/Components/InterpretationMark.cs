using Microsoft.AspNetCore.Components;

namespace AllianceTracker.Web.Components;

/// <summary>
/// The mark on a stance the editors read into evidence that does not state it outright: a disclosure
/// that opens their note, so it works on static pages without script, by keyboard and by touch.
/// </summary>
public static class InterpretationMark
{
    /// <summary>
    /// The mark as one piece of markup (as <see cref="StanceChip"/>: a page may show one per cell);
    /// nothing for a stated stance. The summary names what it is (its "≈" comes from the stylesheet).
    /// The note is text content, so only &amp;, &lt; and &gt; need escaping: the dashboard carries every note.
    /// </summary>
    public static MarkupString Markup(string? note) => note is null
        ? default
        : new MarkupString(
            $"<details class=\"interpretation\"><summary>Interpretation</summary><span class=\"interpretation-note\">{note.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)}</span></details>");
}
