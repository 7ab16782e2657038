using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewRecording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AdjournedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjournmentReason",
                table: "Reviews",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AdvocacyDiscussed",
                table: "Reviews",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AdvocateNeeded",
                table: "Reviews",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attendees",
                table: "Reviews",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarePlanReceivedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarerConsultationReturnedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarerConsultationSentOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChildChaired",
                table: "Reviews",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildConsultationReturnedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ChildConsultationSentOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommunicationNeeds",
                table: "Reviews",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionsSentOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "Reviews",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IndependentVisitorNeeded",
                table: "Reviews",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InviteAdvocate",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "InviteCarers",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "InviteChild",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "InviteParents",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "InviteSocialWorker",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsDeleted",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);



            migrationBuilder.AddColumn<string>(
                name: "LetterChildsWords",
                table: "Reviews",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LetterScaling",
                table: "Reviews",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterWorkingWell",
                table: "Reviews",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterWorries",
                table: "Reviews",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherInvitees",
                table: "Reviews",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ParentConsultationReturnedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ParentConsultationSentOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecordIssuedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SocialWorkerReportReceivedOn",
                table: "Reviews",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SpokeToChildAlone",
                table: "Reviews",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartsAt",
                table: "Reviews",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                // Reviews already recorded were held.
                name: "Status",
                table: "Reviews",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Held");

            migrationBuilder.AddColumn<string>(
                name: "Venue",
                table: "Reviews",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Reviews",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SignificantEvent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MidwayReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WithWhom = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Concerns = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MidwayReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MidwayReviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewChangeRequests_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Status_HeldOn",
                table: "Reviews",
                columns: new[] { "Status", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_ChildId_CreatedAt",
                table: "CaseNotes",
                columns: new[] { "ChildId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MidwayReviews_ChildId_HeldOn",
                table: "MidwayReviews",
                columns: new[] { "ChildId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewChangeRequests_ReviewId",
                table: "ReviewChangeRequests",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_ReviewId",
                table: "ReviewDecisions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_Status_DueBy",
                table: "ReviewDecisions",
                columns: new[] { "Status", "DueBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "MidwayReviews");

            migrationBuilder.DropTable(
                name: "ReviewChangeRequests");

            migrationBuilder.DropTable(
                name: "ReviewDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_Status_HeldOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AdjournedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AdjournmentReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AdvocacyDiscussed",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AdvocateNeeded",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Attendees",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CarePlanReceivedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CarerConsultationReturnedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CarerConsultationSentOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildChaired",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildConsultationReturnedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChildConsultationSentOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CommunicationNeeds",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "DecisionsSentOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "IndependentVisitorNeeded",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "InviteAdvocate",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "InviteCarers",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "InviteChild",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "InviteParents",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "InviteSocialWorker",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "IsDeleted",
                table: "Reviews");



            migrationBuilder.DropColumn(
                name: "LetterChildsWords",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LetterScaling",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LetterWorkingWell",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "LetterWorries",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "OtherInvitees",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ParentConsultationReturnedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ParentConsultationSentOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "RecordIssuedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "SocialWorkerReportReceivedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "SpokeToChildAlone",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Venue",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Reviews");
        }
    }
}
