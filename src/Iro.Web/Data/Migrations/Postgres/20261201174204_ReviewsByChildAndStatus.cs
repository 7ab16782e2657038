using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewsByChildAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_ChildId_HeldOn",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChildId_Status_HeldOn",
                table: "Reviews",
                columns: new[] { "ChildId", "Status", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
