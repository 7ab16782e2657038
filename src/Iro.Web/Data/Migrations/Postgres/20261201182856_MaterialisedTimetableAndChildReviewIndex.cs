using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MaterialisedTimetableAndChildReviewIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_ChildId_HeldOn",
                table: "Reviews");

            migrationBuilder.CreateTable(
                name: "ChildTimetableStates",
                columns: table => new
                {
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Reliable = table.Column<bool>(type: "boolean", nullable: false),
                    ProblemCodes = table.Column<string>(type: "text", nullable: false),
                    NextDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Spans = table.Column<string>(type: "text", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    InPeriod = table.Column<bool>(type: "boolean", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodIsShortBreak = table.Column<bool>(type: "boolean", nullable: false),
                    Regime = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LastReviewInPeriod = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildTimetableStates", x => x.ChildId);
                    table.ForeignKey(
                        name: "FK_ChildTimetableStates_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimetableRecomputes",
                columns: table => new
                {
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimetableRecomputes", x => x.ChildId);
                    table.ForeignKey(
                        name: "FK_TimetableRecomputes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimetableStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ContextFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimetableStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimetabledReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReviewId = table.Column<int>(type: "integer", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Regime = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CountsForTimeliness = table.Column<bool>(type: "boolean", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    DaysLate = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimetabledReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimetabledReviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "TimetableStamps",
                columns: new[] { "Id", "AsOf", "ContextFingerprint" },
                values: new object[] { 1, new DateOnly(1, 1, 1), "" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChildId_Status_HeldOn",
                table: "Reviews",
                columns: new[] { "ChildId", "Status", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildTimetableStates_AsOf_DueDate",
                table: "ChildTimetableStates",
                columns: new[] { "AsOf", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildTimetableStates_Status",
                table: "ChildTimetableStates",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_TimetabledReviews_ChildId",
                table: "TimetabledReviews",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_TimetabledReviews_HeldOn",
                table: "TimetabledReviews",
                column: "HeldOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildTimetableStates");

            migrationBuilder.DropTable(
                name: "TimetableRecomputes");

            migrationBuilder.DropTable(
                name: "TimetableStamps");

            migrationBuilder.DropTable(
                name: "TimetabledReviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ChildId_Status_HeldOn",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChildId_HeldOn",
                table: "Reviews",
                columns: new[] { "ChildId", "HeldOn" });
        }
    }
}
