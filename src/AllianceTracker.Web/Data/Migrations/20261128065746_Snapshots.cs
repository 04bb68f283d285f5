using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Snapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Snapshots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_CreatedAtUtc",
                table: "Snapshots",
                column: "CreatedAtUtc");

            // Snapshots are frozen: the database refuses to change or remove one.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Snapshots_NoUpdate" BEFORE UPDATE ON "Snapshots"
                BEGIN SELECT RAISE(ABORT, 'Snapshots are immutable: a snapshot cannot be updated.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Snapshots_NoDelete" BEFORE DELETE ON "Snapshots"
                BEGIN SELECT RAISE(ABORT, 'Snapshots are immutable: a snapshot cannot be deleted.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Snapshots_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Snapshots_NoDelete";""");

            migrationBuilder.DropTable(
                name: "Snapshots");
        }
    }
}
