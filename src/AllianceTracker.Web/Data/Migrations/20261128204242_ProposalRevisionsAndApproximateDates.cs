using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <summary>
    /// Proposal texts become append-only revisions (history and snapshots read the text in force on
    /// their date); a proposal's tabled date may be unknown; a stance's effective date may be marked
    /// approximate (the tabled date becomes nullable in the next migration,
    /// UnknownTabledDates, on its own: SQLite rebuilds the table outside a transaction). Existing proposals get their current text as their first revision: whatever
    /// was overwritten in place before is gone.
    /// </summary>
    public partial class ProposalRevisionsAndApproximateDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EffectiveOnIsApproximate",
                table: "StanceChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ProposalRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Proposer = table.Column<string>(type: "TEXT", nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalRevisions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRevisions_ProposalId_InForceFrom",
                table: "ProposalRevisions",
                columns: new[] { "ProposalId", "InForceFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRevisions_RecordedAtUtc",
                table: "ProposalRevisions",
                column: "RecordedAtUtc");

            migrationBuilder.Sql("""
                INSERT INTO "ProposalRevisions" ("ProposalId", "Title", "Description", "Proposer", "InForceFrom", "Note", "RecordedAtUtc", "RecordedBy")
                SELECT "Id", "Title", "Description", "Proposer", NULL, 'The text when revisions began.', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'migration'
                FROM "Proposals";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProposalRevisions_NoUpdate" BEFORE UPDATE ON "ProposalRevisions"
                BEGIN SELECT RAISE(ABORT, 'The stance history is append-only: ProposalRevisions rows cannot be updated.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ProposalRevisions_NoDelete" BEFORE DELETE ON "ProposalRevisions"
                BEGIN SELECT RAISE(ABORT, 'The stance history is append-only: ProposalRevisions rows cannot be deleted.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalRevisions");

            migrationBuilder.DropColumn(
                name: "EffectiveOnIsApproximate",
                table: "StanceChanges");
        }
    }
}
