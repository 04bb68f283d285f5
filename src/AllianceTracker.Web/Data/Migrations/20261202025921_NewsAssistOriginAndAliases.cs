using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Which way each stance entry came in (entries before this have none: no guess is stored,
    /// and the history's rows are never updated), and the aliases editors keep for the news
    /// assist, with the text policy's lengths enforced as in TextLimits.
    /// </summary>
    public partial class NewsAssistOriginAndAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "StanceChanges",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProposalAliases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalAliases_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAliases_ProposalId",
                table: "ProposalAliases",
                column: "ProposalId");

            foreach (var operation in new[] { "INSERT", "UPDATE" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "ProposalAliases_TextLimits_{operation}" BEFORE {operation} ON "ProposalAliases"
                    WHEN length(NEW."Phrase") > 300 OR length(NEW."AddedBy") > 256 OR length(NEW."RemovedBy") > 256
                    BEGIN SELECT RAISE(ABORT, 'text longer than the text policy allows (docs/security.md)'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"ProposalAliases_TextLimits_INSERT\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"ProposalAliases_TextLimits_UPDATE\";");
            migrationBuilder.DropTable(
                name: "ProposalAliases");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "StanceChanges");
        }
    }
}
