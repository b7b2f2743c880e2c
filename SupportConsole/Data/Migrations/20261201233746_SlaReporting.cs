using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstResponseBusinessSeconds",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstResponseDueLocalDate",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            // Cases resolved or closed before this column existed: their last thread entry is the best witness of when.
            // The due dates and response business times need the calendar, so start-up fills those (SlaReportBackfill).
            migrationBuilder.Sql("UPDATE Cases SET ClosedAtUtc = (SELECT MAX(e.AtUtc) FROM CaseEntries e WHERE e.CaseId = Cases.Id) WHERE Status IN (2, 3) AND ClosedAtUtc IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedAtUtc",
                table: "Cases",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FirstResponseDueAtUtc",
                table: "Cases",
                column: "FirstResponseDueAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenWork",
                table: "Cases",
                columns: new[] { "Status", "FirstRespondedAtUtc", "FirstResponseDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReceivedAtUtc",
                table: "Cases",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SlaReport",
                table: "Cases",
                columns: new[] { "FirstResponseDueLocalDate", "FirstResponseDueAtUtc", "FirstRespondedAtUtc", "FirstResponseBusinessSeconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ClosedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_FirstResponseDueAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenWork",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SlaReport",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessSeconds",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueLocalDate",
                table: "Cases");
        }
    }
}
