using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AllianceTracker.Web.Data.Migrations
{
    /// <summary>
    /// A proposal's tabled date may be unknown (no source gives it). SQLite cannot drop NOT NULL in
    /// place: EF rebuilds the table with foreign keys off, which cannot run inside a transaction, so
    /// this migration holds that one operation and nothing else (if it is interrupted, nothing
    /// else is half done).
    /// </summary>
    public partial class UnknownTabledDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "TabledOn",
                table: "Proposals",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "TEXT");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "TabledOn",
                table: "Proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
