using System.Net;
using System.Text.RegularExpressions;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;

namespace Iro.Web.Tests.Features.Interchange;

public sealed class Ssda903UploadStateSqliteTests(SqliteApp app) : Ssda903UploadStateTests(app), IClassFixture<SqliteApp>;

public sealed class Ssda903UploadStatePostgresTests(PostgresApp app) : Ssda903UploadStateTests(app), IClassFixture<PostgresApp>;

/// <summary>The upload page says where the import stands, in its title and heading, and how findings count rows.</summary>
public abstract partial class Ssda903UploadStateTests(IroAppFactory app)
{
    [Fact]
    public async Task The_upload_page_title_no_longer_says_importing_once_the_import_has_finished()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var dir = Ssda903TestSupport.TempDir();
        try
        {
            var year = CollectionYear.Parse("2024-25");
            Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(5, 21, year), dir, year);
            var html = await Ssda903Uploads.UploadAndWaitAsync(client, "2024-25", Directory.GetFiles(dir));
            var title = Title().Match(html).Groups[1].Value;
            Assert.StartsWith("Import complete", title, StringComparison.Ordinal);
            Assert.DoesNotContain("Importing", title, StringComparison.Ordinal);
            Assert.Contains("id=\"import-state\">Import complete</h1>", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Findings_count_rows_as_a_spreadsheet_does_and_the_page_says_so()
    {
        var client = await app.ClientForAsync(AccessScenario.Manager);
        var dir = Ssda903TestSupport.TempDir();
        try
        {
            var year = CollectionYear.Parse("2017-18");
            Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(3, 7, year), dir, year);
            var header = Path.Combine(dir, "header.csv");
            var lines = File.ReadAllLines(header);
            var cells = lines[1].Split(',');
            cells[2] = "31/02/2010";
            lines[1] = string.Join(',', cells);
            File.WriteAllLines(header, lines);

            var html = await Ssda903Uploads.UploadAndWaitAsync(client, "2017-18", Directory.GetFiles(dir));
            Assert.StartsWith("Not imported", Title().Match(html).Groups[1].Value, StringComparison.Ordinal);
            Assert.Contains(Finding.RowConvention, html, StringComparison.Ordinal);
            // The first data row of header.csv is row 2 of the spreadsheet.
            Assert.Matches("Header \\(header.csv\\)</td>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>", html);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Command_line_findings_count_rows_as_a_spreadsheet_does()
    {
        var finding = new Finding("R1", FindingSeverity.Error, "Bad date", Ssda903Table.Header, 1, ["DOB"], ["31/02/2010"]) { Source = "header.csv" };
        Assert.Contains("header.csv (Header) row 2", FindingText.Describe(finding), StringComparison.Ordinal);
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();
}
