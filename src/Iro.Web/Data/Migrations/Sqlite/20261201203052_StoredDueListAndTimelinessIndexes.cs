using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredDueListAndTimelinessIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimetabledReviews_HeldOn",
                table: "TimetabledReviews");

            migrationBuilder.AddColumn<bool>(
                name: "LookedAfter",
                table: "ChildTimetableStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "OnDueList",
                table: "ChildTimetableStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_TimetabledReviews_HeldOn_CountsForTimeliness_OnTime",
                table: "TimetabledReviews",
                columns: new[] { "HeldOn", "CountsForTimeliness", "OnTime" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildTimetableStates_AsOf_LookedAfter",
                table: "ChildTimetableStates",
                columns: new[] { "AsOf", "LookedAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildTimetableStates_AsOf_OnDueList_DueDate",
                table: "ChildTimetableStates",
                columns: new[] { "AsOf", "OnDueList", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildTimetableStates_AsOf_OnDueList_Status",
                table: "ChildTimetableStates",
                columns: new[] { "AsOf", "OnDueList", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimetabledReviews_HeldOn_CountsForTimeliness_OnTime",
                table: "TimetabledReviews");

            migrationBuilder.DropIndex(
                name: "IX_ChildTimetableStates_AsOf_LookedAfter",
                table: "ChildTimetableStates");

            migrationBuilder.DropIndex(
                name: "IX_ChildTimetableStates_AsOf_OnDueList_DueDate",
                table: "ChildTimetableStates");

            migrationBuilder.DropIndex(
                name: "IX_ChildTimetableStates_AsOf_OnDueList_Status",
                table: "ChildTimetableStates");

            migrationBuilder.DropColumn(
                name: "LookedAfter",
                table: "ChildTimetableStates");

            migrationBuilder.DropColumn(
                name: "OnDueList",
                table: "ChildTimetableStates");

            migrationBuilder.CreateIndex(
                name: "IX_TimetabledReviews_HeldOn",
                table: "TimetabledReviews",
                column: "HeldOn");
        }
    }
}
