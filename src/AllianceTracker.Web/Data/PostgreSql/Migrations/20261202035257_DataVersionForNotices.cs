using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The data version every instance shares: one row, moved by each writing transaction before it
    /// sends its NOTIFY (PostgresStanceChangeNotifier), so versions follow the order of commits. Not
    /// part of the model: only the notifier reads and writes it, in SQL.
    /// </summary>
    public partial class DataVersionForNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE alliance_data_version (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL);
                INSERT INTO alliance_data_version (id, value) VALUES (1, 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE alliance_data_version;");
        }
    }
}
