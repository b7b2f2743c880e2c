using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class TierTwoThreeDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarContent",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                table: "Outbox",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveryClaimedUntilUtc",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Event",
                table: "CaseEntries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BookingLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    EngineerId = table.Column<string>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CallId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    EngineerId = table.Column<string>(type: "TEXT", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttendeeEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    AttendeeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EscalatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EscalatedById = table.Column<string>(type: "TEXT", nullable: false),
                    EscalatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedBecause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickupDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PickupAtRiskAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickedUpAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickupAtRiskRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PickupBreachRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LastAssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BookingVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_StaffProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffTimeOff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffTimeOff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffTimeOff_StaffProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffProfiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookingLinks_CaseId",
                table: "BookingLinks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CaseId",
                table: "Calls",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_EngineerId_Status_StartUtc",
                table: "Calls",
                columns: new[] { "EngineerId", "Status", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Uid",
                table: "Calls",
                column: "Uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_AssigneeId_EndedAtUtc",
                table: "Escalations",
                columns: new[] { "AssigneeId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_CaseId_EndedAtUtc",
                table: "Escalations",
                columns: new[] { "CaseId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_Tier_EndedAtUtc_AssigneeId",
                table: "Escalations",
                columns: new[] { "Tier", "EndedAtUtc", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffTimeOff_UserId_FromUtc",
                table: "StaffTimeOff",
                columns: new[] { "UserId", "FromUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookingLinks");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "StaffTimeOff");

            migrationBuilder.DropTable(
                name: "StaffProfiles");

            migrationBuilder.DropColumn(
                name: "CalendarContent",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "DeliveryClaimedUntilUtc",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Event",
                table: "CaseEntries");
        }
    }
}
