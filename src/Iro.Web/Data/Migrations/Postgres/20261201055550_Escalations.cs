using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    RaisedByOfficerId = table.Column<int>(type: "integer", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Concern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ActionRequested = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReviewDecisionId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CafcassReferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CafcassReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Escalations_ReviewingOfficers_RaisedByOfficerId",
                        column: x => x.RaisedByOfficerId,
                        principalTable: "ReviewingOfficers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EscalationStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EscalationId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResponseDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NextStep = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationStages_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationThemeTag",
                columns: table => new
                {
                    EscalationId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationThemeTag", x => new { x.EscalationId, x.Key });
                    table.ForeignKey(
                        name: "FK_EscalationThemeTag_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationStages_EscalationId_Sequence",
                table: "EscalationStages",
                columns: new[] { "EscalationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationStages_ResponseDueOn",
                table: "EscalationStages",
                column: "ResponseDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationThemeTag_Key",
                table: "EscalationThemeTag",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ChildId_RaisedByOfficerId_RaisedOn",
                table: "Escalations",
                columns: new[] { "ChildId", "RaisedByOfficerId", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedByOfficerId",
                table: "Escalations",
                column: "RaisedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedOn",
                table: "Escalations",
                column: "RaisedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ResolvedOn",
                table: "Escalations",
                column: "ResolvedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationStages");

            migrationBuilder.DropTable(
                name: "EscalationThemeTag");

            migrationBuilder.DropTable(
                name: "Escalations");
        }
    }
}
