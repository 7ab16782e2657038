using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ssda903Interchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReasonForChange",
                table: "SocialWorkerAssignments",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkerId",
                table: "SocialWorkerAssignments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HealthOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    YearStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SdqScore = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SdqReason = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Convicted = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HealthCheck = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Immunisations = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    TeethCheck = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HealthAssessment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SubstanceMisuse = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    InterventionReceived = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    InterventionOffered = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthOutcomes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ssda903ChildHeaders",
                columns: table => new
                {
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Mother = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    MotherChildDob = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ssda903ChildHeaders", x => x.ChildId);
                    table.ForeignKey(
                        name: "FK_Ssda903ChildHeaders_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ssda903Imports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    YearStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChildrenAdded = table.Column<int>(type: "integer", nullable: false),
                    ChildrenUpdated = table.Column<int>(type: "integer", nullable: false),
                    EpisodesAdded = table.Column<int>(type: "integer", nullable: false),
                    EpisodesUpdated = table.Column<int>(type: "integer", nullable: false),
                    ReviewsAdded = table.Column<int>(type: "integer", nullable: false),
                    ReviewsUpdated = table.Column<int>(type: "integer", nullable: false),
                    OtherAdded = table.Column<int>(type: "integer", nullable: false),
                    OtherUpdated = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ssda903Imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ssda903StoredRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    YearStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Table = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Values = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ssda903StoredRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ssda903StoredRows_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthOutcomes_ChildId_YearStart",
                table: "HealthOutcomes",
                columns: new[] { "ChildId", "YearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthOutcomes_YearStart",
                table: "HealthOutcomes",
                column: "YearStart");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildId_Start",
                table: "MissingEpisodes",
                columns: new[] { "ChildId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_Start",
                table: "MissingEpisodes",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_Ssda903Imports_YearStart",
                table: "Ssda903Imports",
                column: "YearStart");

            migrationBuilder.CreateIndex(
                name: "IX_Ssda903StoredRows_ChildId",
                table: "Ssda903StoredRows",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Ssda903StoredRows_YearStart_Table_ChildId_Position",
                table: "Ssda903StoredRows",
                columns: new[] { "YearStart", "Table", "ChildId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthOutcomes");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "Ssda903ChildHeaders");

            migrationBuilder.DropTable(
                name: "Ssda903Imports");

            migrationBuilder.DropTable(
                name: "Ssda903StoredRows");

            migrationBuilder.DropColumn(
                name: "ReasonForChange",
                table: "SocialWorkerAssignments");

            migrationBuilder.DropColumn(
                name: "WorkerId",
                table: "SocialWorkerAssignments");
        }
    }
}
