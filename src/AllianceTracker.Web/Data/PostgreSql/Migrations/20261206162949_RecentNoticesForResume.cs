using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The last few hundred change notices with their versions, written by the same statement that
    /// moves the data version and sends the NOTIFY (PostgresStanceChangeNotifier): an instance that
    /// starts, or whose listening connection dropped, reads what it missed from here and passes it
    /// on, instead of telling every reader to read everything again. A delivery log, not history:
    /// old rows are deleted. Not part of the model, as the version's table.
    /// </summary>
    public partial class RecentNoticesForResume : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE alliance_recent_notices (version bigint PRIMARY KEY, notice text NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE alliance_recent_notices;");
        }
    }
}
