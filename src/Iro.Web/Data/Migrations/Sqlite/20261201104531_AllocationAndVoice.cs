using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AllocationAndVoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IroAllocations_ChildId",
                table: "IroAllocations");

            migrationBuilder.AddColumn<bool>(
                name: "EnteredByHand",
                table: "MissingEpisodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "InterviewBy",
                table: "MissingEpisodes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InterviewCompletedOn",
                table: "MissingEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "InterviewCompletedTime",
                table: "MissingEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterviewDeclined",
                table: "MissingEpisodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InterviewOfferedOn",
                table: "MissingEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "InterviewOfferedTime",
                table: "MissingEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IroInformed",
                table: "MissingEpisodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReturnTime",
                table: "MissingEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "IroAllocations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateOnly>(
                name: "NeedsAssessmentOn",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PathwayPlanOn",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdvocacyReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReasonKeys = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocacyReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvocacyReferrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyReferrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectedPersonApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CarerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectedPersonApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectedPersonApprovals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FileAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FileAudits_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FileAudits_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndependentVisitors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    NeededOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdentifiedAtReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    MatchedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndependentVisitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndependentVisitors_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfficerFteChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewingOfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fte = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficerFteChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficerFteChanges_ReviewingOfficers_ReviewingOfficerId",
                        column: x => x.ReviewingOfficerId,
                        principalTable: "ReviewingOfficers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParentChildLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildOfParentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParentChildLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParentChildLinks_Children_ChildOfParentId",
                        column: x => x.ChildOfParentId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ParentChildLinks_Children_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlacementMoveRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    MovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsultedBeforeMove = table.Column<bool>(type: "INTEGER", nullable: true),
                    IroTold = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementMoveRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementMoveRecords_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildrenAsked = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetResponseRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileAuditAnswer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileAuditId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Answer = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileAuditAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FileAuditAnswer_FileAudits_FileAuditId",
                        column: x => x.FileAuditId,
                        principalTable: "FileAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LifeGettingBetter = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    KnowsIro = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CanContactIro = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FeelsListenedTo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    SurveyCampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackReturns_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FeedbackReturns_SurveyCampaigns_SurveyCampaignId",
                        column: x => x.SurveyCampaignId,
                        principalTable: "SurveyCampaigns",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_IroAllocations_ChildId_From",
                table: "IroAllocations",
                columns: new[] { "ChildId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocacyReferrals_ChildId_ReferredOn",
                table: "AdvocacyReferrals",
                columns: new[] { "ChildId", "ReferredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocacyReferrals_ReferredOn",
                table: "AdvocacyReferrals",
                column: "ReferredOn");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyReferrals_Agency_ClosedOn",
                table: "AgencyReferrals",
                columns: new[] { "Agency", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyReferrals_ChildId_PeriodStart",
                table: "AgencyReferrals",
                columns: new[] { "ChildId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectedPersonApprovals_ChildId_ApprovedOn",
                table: "ConnectedPersonApprovals",
                columns: new[] { "ChildId", "ApprovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReturns_ChildId",
                table: "FeedbackReturns",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReturns_ReceivedOn",
                table: "FeedbackReturns",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReturns_SurveyCampaignId",
                table: "FeedbackReturns",
                column: "SurveyCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_FileAuditAnswer_FileAuditId_QuestionKey",
                table: "FileAuditAnswer",
                columns: new[] { "FileAuditId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FileAudits_ChildId_ReviewId",
                table: "FileAudits",
                columns: new[] { "ChildId", "ReviewId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FileAudits_ReviewId",
                table: "FileAudits",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_IndependentVisitors_ChildId_NeededOn",
                table: "IndependentVisitors",
                columns: new[] { "ChildId", "NeededOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerFteChanges_ReviewingOfficerId_EffectiveFrom",
                table: "OfficerFteChanges",
                columns: new[] { "ReviewingOfficerId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParentChildLinks_ChildOfParentId",
                table: "ParentChildLinks",
                column: "ChildOfParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ParentChildLinks_ParentId_ChildOfParentId",
                table: "ParentChildLinks",
                columns: new[] { "ParentId", "ChildOfParentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementMoveRecords_ChildId_MovedOn",
                table: "PlacementMoveRecords",
                columns: new[] { "ChildId", "MovedOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvocacyReferrals");

            migrationBuilder.DropTable(
                name: "AgencyReferrals");

            migrationBuilder.DropTable(
                name: "ConnectedPersonApprovals");

            migrationBuilder.DropTable(
                name: "FeedbackReturns");

            migrationBuilder.DropTable(
                name: "FileAuditAnswer");

            migrationBuilder.DropTable(
                name: "IndependentVisitors");

            migrationBuilder.DropTable(
                name: "OfficerFteChanges");

            migrationBuilder.DropTable(
                name: "ParentChildLinks");

            migrationBuilder.DropTable(
                name: "PlacementMoveRecords");

            migrationBuilder.DropTable(
                name: "SurveyCampaigns");

            migrationBuilder.DropTable(
                name: "FileAudits");

            migrationBuilder.DropIndex(
                name: "IX_IroAllocations_ChildId_From",
                table: "IroAllocations");

            migrationBuilder.DropColumn(
                name: "EnteredByHand",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewBy",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewCompletedOn",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewCompletedTime",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewDeclined",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewOfferedOn",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewOfferedTime",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "IroInformed",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "ReturnTime",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IroAllocations");

            migrationBuilder.DropColumn(
                name: "NeedsAssessmentOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "PathwayPlanOn",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_IroAllocations_ChildId",
                table: "IroAllocations",
                column: "ChildId");
        }
    }
}
