using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OneDailySnapshotPerDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DailyOf",
                table: "Snapshots",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_DailyOf",
                table: "Snapshots",
                column: "DailyOf",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Snapshots_DailyOf",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "DailyOf",
                table: "Snapshots");
        }
    }
}
