using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InterpretationNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InterpretationNote",
                table: "StanceChanges",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterpretationNote",
                table: "StanceChanges");
        }
    }
}
