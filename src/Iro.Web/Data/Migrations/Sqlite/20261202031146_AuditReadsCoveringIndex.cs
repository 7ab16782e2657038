using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditReadsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey_Action",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey", "Action" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityKey_Action",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey" });
        }
    }
}
