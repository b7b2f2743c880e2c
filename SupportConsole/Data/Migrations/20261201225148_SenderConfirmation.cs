using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class SenderConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SenderAuthenticated",
                table: "ListChangeRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SenderCheck",
                table: "ListChangeRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SenderConfirmations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ListChangeRequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenderConfirmations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SenderConfirmations_CaseId",
                table: "SenderConfirmations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SenderConfirmations_ListChangeRequestId",
                table: "SenderConfirmations",
                column: "ListChangeRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SenderConfirmations");

            migrationBuilder.DropColumn(
                name: "SenderAuthenticated",
                table: "ListChangeRequests");

            migrationBuilder.DropColumn(
                name: "SenderCheck",
                table: "ListChangeRequests");
        }
    }
}
