using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DriftDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DataVersion",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("5d0c4f3e-8a59-4c1e-9d7b-2f6a1e0b7c41") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersion");
        }
    }
}
