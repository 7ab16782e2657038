using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iro.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    KeyMessages = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    LegalContext = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CaseStudies = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    LastYearPriorities = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    NextYearPriorities = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PublishedFigures = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
