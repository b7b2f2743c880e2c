using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Cases");
        }
    }
}
