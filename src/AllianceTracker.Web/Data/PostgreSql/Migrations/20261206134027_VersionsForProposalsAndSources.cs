using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VersionsForProposalsAndSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Sources",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Proposals",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Proposals");
        }
    }
}
