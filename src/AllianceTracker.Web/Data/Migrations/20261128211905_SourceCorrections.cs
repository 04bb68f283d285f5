using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <summary>Corrections of a source's details are kept, append-only, with what they replaced.</summary>
    public partial class SourceCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SourceCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceCorrections_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourceCorrections_RecordedAtUtc",
                table: "SourceCorrections",
                column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SourceCorrections_SourceId",
                table: "SourceCorrections",
                column: "SourceId");

            migrationBuilder.Sql("""
                CREATE TRIGGER "SourceCorrections_NoUpdate" BEFORE UPDATE ON "SourceCorrections"
                BEGIN SELECT RAISE(ABORT, 'The stance history is append-only: SourceCorrections rows cannot be updated.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SourceCorrections_NoDelete" BEFORE DELETE ON "SourceCorrections"
                BEGIN SELECT RAISE(ABORT, 'The stance history is append-only: SourceCorrections rows cannot be deleted.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceCorrections");
        }
    }
}
