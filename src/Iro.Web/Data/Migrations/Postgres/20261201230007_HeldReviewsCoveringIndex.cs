using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeldReviewsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_Status_HeldOn",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Status_HeldOn",
                table: "Reviews",
                columns: new[] { "Status", "HeldOn", "Participation", "SocialWorkerReportReceivedOn", "CarePlanReceivedOn", "IsDeleted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_Status_HeldOn",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Status_HeldOn",
                table: "Reviews",
                columns: new[] { "Status", "HeldOn" });
        }
    }
}
