using System.Linq.Expressions;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AllianceTracker.Web.Data;

/// <summary>
/// The text policy (<see cref="TextPolicy"/>) in the schema: every free-text column of the tracker
/// gets its kind's maximum length, and every save cleans and checks those columns, whoever saves.
/// </summary>
internal static class TextColumns
{
    public static void Configure(ModelBuilder model)
    {
        Text<MemberState>(model, (m => m.Name, TextPolicy.Title), (m => m.Subregion, TextPolicy.Title));
        Text<Summit>(model, (s => s.Slug, TextPolicy.Code), (s => s.Name, TextPolicy.Title), (s => s.City, TextPolicy.Title));
        Text<Proposal>(model, (p => p.Slug, TextPolicy.Code), (p => p.Title, TextPolicy.Title), (p => p.Description, TextPolicy.Description), (p => p.Proposer, TextPolicy.Title));
        Text<ProposalRevision>(model, (r => r.Title, TextPolicy.Title), (r => r.Description, TextPolicy.Description), (r => r.Proposer, TextPolicy.Title),
            (r => r.Note, TextPolicy.Note), (r => r.RecordedBy, TextPolicy.Login));
        Text<SummitDecision>(model, (o => o.Note, TextPolicy.Note), (o => o.RecordedBy, TextPolicy.Login));
        Text<DecisionEvidence>(model, (e => e.Excerpt, TextPolicy.Note));
        Text<DecisionRetraction>(model, (r => r.Reason, TextPolicy.Note), (r => r.RecordedBy, TextPolicy.Login));
        Text<Source>(model, (s => s.Key, TextPolicy.Code), (s => s.Title, TextPolicy.Title), (s => s.Outlet, TextPolicy.Title), (s => s.Url, TextPolicy.Url));
        Text<SourceCorrection>(model, (c => c.Reason, TextPolicy.Note), (c => c.RecordedBy, TextPolicy.Login));
        Text<StanceChange>(model, (c => c.Conditions, TextPolicy.Note), (c => c.Rationale, TextPolicy.Note),
            (c => c.InterpretationNote, TextPolicy.Note), (c => c.RecordedBy, TextPolicy.Login));
        Text<StanceEvidence>(model, (e => e.Excerpt, TextPolicy.Note));
        Text<StanceRetraction>(model, (r => r.Reason, TextPolicy.Note), (r => r.RecordedBy, TextPolicy.Login));
        Text<ProposalAlias>(model, (a => a.Phrase, TextPolicy.Title), (a => a.AddedBy, TextPolicy.Login), (a => a.RemovedBy, TextPolicy.Login));
        Text<Snapshot>(model, (s => s.Title, TextPolicy.Title), (s => s.Note, TextPolicy.Note), (s => s.CreatedBy, TextPolicy.Login));
    }

    /// <summary>Cleans every policed column of what is about to be saved; refuses the save, naming each column, when one breaks the policy.</summary>
    public static void Apply(ChangeTracker changes)
    {
        var problems = new FieldProblems();
        foreach (var entry in changes.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.FindAnnotation(TextPolicy.Annotation)?.Value is not string kind || property.CurrentValue is not string text)
                {
                    continue;
                }

                var field = TextPolicy.All.Single(f => f.Kind == kind);
                var clean = TextPolicy.Clean(text);
                if (!string.Equals(clean, text, StringComparison.Ordinal))
                {
                    property.CurrentValue = clean;
                }

                problems.Add($"{entry.Metadata.ClrType.Name}.{property.Metadata.Name}", TextPolicy.Check(clean, field));
            }
        }

        problems.ThrowIfAny();
    }

    private static void Text<T>(ModelBuilder model, params (Expression<Func<T, string?>> Property, TextField Field)[] columns)
        where T : class
    {
        foreach (var (property, field) in columns)
        {
            model.Entity<T>().Property(property).HasMaxLength(field.MaxLength).HasAnnotation(TextPolicy.Annotation, field.Kind);
        }
    }
}
