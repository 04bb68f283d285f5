using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The data version, kept in the file (as on PostgreSQL) so that live streams' event ids survive
    /// a restart: one row, moved by each writing transaction (SqliteStanceChangeNotifier), and the
    /// last few hundred notices with their versions, so a reader reconnecting after a restart with
    /// Last-Event-ID is sent exactly what it missed. Not part of the model: only the notifier reads
    /// and writes them, in SQL. The notices are a delivery log, not history: old ones are dropped.
    /// </summary>
    public partial class DataVersionForNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE alliance_data_version (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                INSERT INTO alliance_data_version (id, value) VALUES (1, 0);
                CREATE TABLE alliance_recent_notices (version INTEGER PRIMARY KEY, notice TEXT NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE alliance_recent_notices; DROP TABLE alliance_data_version;");
        }
    }
}
