using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <summary>
    /// Decisions on proposals become evidence-backed history like the stances: a note, the
    /// replacing proposal, evidence items (excerpt + source) and retractions, all append-only.
    /// Decisions recorded before cited one source and no excerpt; that source becomes their one
    /// evidence item, with an empty excerpt, so they read as they were.
    /// </summary>
    public partial class DecisionsWithEvidenceAndRetractions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ProposalOutcomes",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacedByProposalId",
                table: "ProposalOutcomes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionEvidence_ProposalOutcomes_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "ProposalOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionEvidence_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRetractions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRetractions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRetractions_ProposalOutcomes_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "ProposalOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalOutcomes_RecordedAtUtc",
                table: "ProposalOutcomes",
                column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEvidence_DecisionId",
                table: "DecisionEvidence",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEvidence_SourceId",
                table: "DecisionEvidence",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRetractions_DecisionId",
                table: "DecisionRetractions",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRetractions_RecordedAtUtc",
                table: "DecisionRetractions",
                column: "RecordedAtUtc");

            migrationBuilder.Sql("""
                INSERT INTO "DecisionEvidence" ("DecisionId", "SourceId", "Excerpt")
                SELECT "Id", "SourceId", '' FROM "ProposalOutcomes";
                """);

            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, 'The stance history is append-only: {table} rows cannot be updated.'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, 'The stance history is append-only: {table} rows cannot be deleted.'); END;
                    """);
            }
        }

        private static readonly string[] AppendOnlyTables = ["DecisionEvidence", "DecisionRetractions"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete";""");
            }

            migrationBuilder.DropTable(
                name: "DecisionEvidence");

            migrationBuilder.DropTable(
                name: "DecisionRetractions");

            migrationBuilder.DropIndex(
                name: "IX_ProposalOutcomes_RecordedAtUtc",
                table: "ProposalOutcomes");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ProposalOutcomes");

            migrationBuilder.DropColumn(
                name: "ReplacedByProposalId",
                table: "ProposalOutcomes");
        }
    }
}
