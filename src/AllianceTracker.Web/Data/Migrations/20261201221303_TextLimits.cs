using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The text policy's lengths (Domain/TextPolicy.cs) in the schema. SQLite ignores declared
    /// lengths, so triggers refuse an over-long value on insert (and on update, for the tables that
    /// allow updates); the limits are written out here because a migration is frozen history.
    /// </summary>
    public partial class TextLimits : Migration
    {
        private static readonly (string Table, bool Updatable, (string Column, int MaxLength)[] Columns)[] Limits =
        [
            ("Members", true, new (string Column, int MaxLength)[] { ("Name", 300), ("Subregion", 300) }),
            ("Summits", true, new (string Column, int MaxLength)[] { ("Slug", 100), ("Name", 300), ("City", 300) }),
            ("Proposals", true, new (string Column, int MaxLength)[] { ("Slug", 100), ("Title", 300), ("Description", 4000), ("Proposer", 300) }),
            ("ProposalRevisions", false, new (string Column, int MaxLength)[] { ("Title", 300), ("Description", 4000), ("Proposer", 300), ("Note", 1000), ("RecordedBy", 256) }),
            ("ProposalOutcomes", false, new (string Column, int MaxLength)[] { ("Note", 1000), ("RecordedBy", 256) }),
            ("DecisionEvidence", false, new (string Column, int MaxLength)[] { ("Excerpt", 1000) }),
            ("DecisionRetractions", false, new (string Column, int MaxLength)[] { ("Reason", 1000), ("RecordedBy", 256) }),
            ("Sources", true, new (string Column, int MaxLength)[] { ("Key", 100), ("Title", 300), ("Outlet", 300), ("Url", 2048) }),
            ("SourceCorrections", false, new (string Column, int MaxLength)[] { ("Reason", 1000), ("RecordedBy", 256) }),
            ("StanceChanges", false, new (string Column, int MaxLength)[] { ("Conditions", 1000), ("Rationale", 1000), ("RecordedBy", 256) }),
            ("Evidence", false, new (string Column, int MaxLength)[] { ("Excerpt", 1000) }),
            ("Retractions", false, new (string Column, int MaxLength)[] { ("Reason", 1000), ("RecordedBy", 256) }),
            ("Snapshots", false, new (string Column, int MaxLength)[] { ("Title", 300), ("Note", 1000), ("CreatedBy", 256) }),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, updatable, columns) in Limits)
            {
                var tooLong = string.Join(" OR ", columns.Select(c => $"length(NEW.\"{c.Column}\") > {c.MaxLength}"));
                foreach (var operation in updatable ? new[] { "INSERT", "UPDATE" } : ["INSERT"])
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{table}_TextLimits_{operation}" BEFORE {operation} ON "{table}"
                        WHEN {tooLong}
                        BEGIN SELECT RAISE(ABORT, 'text longer than the text policy allows (docs/security.md)'); END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, updatable, _) in Limits)
            {
                foreach (var operation in updatable ? new[] { "INSERT", "UPDATE" } : ["INSERT"])
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_TextLimits_{operation}\";");
                }
            }
        }
    }
}
