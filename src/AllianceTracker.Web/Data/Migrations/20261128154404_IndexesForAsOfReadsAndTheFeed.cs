using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForAsOfReadsAndTheFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StanceChanges_ProposalId_MemberAlpha3_EffectiveOn",
                table: "StanceChanges");

            migrationBuilder.CreateIndex(
                name: "IX_StanceChanges_ProposalId_MemberAlpha3_EffectiveOn_RecordedAtUtc",
                table: "StanceChanges",
                columns: new[] { "ProposalId", "MemberAlpha3", "EffectiveOn", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StanceChanges_RecordedAtUtc",
                table: "StanceChanges",
                column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Retractions_RecordedAtUtc",
                table: "Retractions",
                column: "RecordedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StanceChanges_ProposalId_MemberAlpha3_EffectiveOn_RecordedAtUtc",
                table: "StanceChanges");

            migrationBuilder.DropIndex(
                name: "IX_StanceChanges_RecordedAtUtc",
                table: "StanceChanges");

            migrationBuilder.DropIndex(
                name: "IX_Retractions_RecordedAtUtc",
                table: "Retractions");

            migrationBuilder.CreateIndex(
                name: "IX_StanceChanges_ProposalId_MemberAlpha3_EffectiveOn",
                table: "StanceChanges",
                columns: new[] { "ProposalId", "MemberAlpha3", "EffectiveOn" });
        }
    }
}
