using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iro.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnualReportEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualReportEditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    KeyMessages = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    LegalContext = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CaseStudies = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    LastYearPriorities = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    NextYearPriorities = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    PublishedFigures = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReportEditions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReportEditions_Year",
                table: "AnnualReportEditions",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReportEditions");
        }
    }
}
