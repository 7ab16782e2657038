using System.Globalization;
using System.Text;
using Iro.Domain.Timetable;
using Iro.Web.Features.Reporting;

namespace Iro.Web.Tests.Reporting;

/// <summary>The one CSV renderer: quoting, how each kind of cell is written, empty values and line endings.</summary>
public sealed class CsvReportTests
{
    private sealed record Item(string? Name, DateOnly? On, TimeOnly? At, bool? Flag, decimal Amount, ReviewRegime Regime);

    private static ReportTable TableOf(params Item[] items) => ReportTable.Of<Item>(
        items,
        new("name", i => i.Name), new("on", i => i.On), new("at", i => i.At), new("flag", i => i.Flag),
        new("amount", i => i.Amount), new("regime", i => i.Regime));

    private static string Text(ReportTable table, CsvLineEnding lineEnding = CsvLineEnding.Lf) =>
        Encoding.UTF8.GetString(CsvReport.Write(table, lineEnding));

    [Fact]
    public void Fields_are_quoted_only_when_they_contain_a_comma_a_quote_or_a_line_break()
    {
        var csv = Text(ReportTable.Of<string>(["plain", "Smith, Jo", "the \"big\" one", "two\nlines", "with space "], new ReportColumn<string>("value", v => v)));
        Assert.Equal("value\nplain\n\"Smith, Jo\"\n\"the \"\"big\"\" one\"\n\"two\nlines\"\nwith space \n", csv);
    }

    [Fact]
    public void Dates_are_iso_times_24_hour_booleans_lower_case_and_enums_by_name()
    {
        var csv = Text(TableOf(new Item("A1", new DateOnly(2026, 3, 1), new TimeOnly(9, 5), true, 12.5m, ReviewRegime.ShortBreak)));
        Assert.Equal("name,on,at,flag,amount,regime\nA1,2026-03-01,09:05,true,12.5,ShortBreak\n", csv);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-SUM(A1)", "'-SUM(A1)")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tA1", "'\tA1")]
    [InlineData("A=1", "A=1")]
    [InlineData("O'Brien", "O'Brien")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_a_quote(string value, string written)
    {
        var csv = Text(ReportTable.Of<string>([value], new ReportColumn<string>("value", v => v)));
        Assert.Equal($"value\n{written}\n", csv);
    }

    [Fact]
    public void Negative_numbers_are_numbers_not_formulas()
    {
        var csv = Text(TableOf(new Item("A1", null, null, null, -2.5m, ReviewRegime.Standard)));
        Assert.Equal("name,on,at,flag,amount,regime\nA1,,,,-2.5,Standard\n", csv);
    }

    [Fact]
    public void Missing_values_are_empty_fields()
    {
        var csv = Text(TableOf(new Item(null, null, null, null, 0m, ReviewRegime.Standard), new Item("", null, null, false, 1.50m, ReviewRegime.Standard)));
        Assert.Equal("name,on,at,flag,amount,regime\n,,,,0,Standard\n,,,false,1.50,Standard\n", csv);
    }

    [Fact]
    public void A_table_without_rows_is_its_header()
    {
        Assert.Equal("name,on,at,flag,amount,regime\n", Text(TableOf()));
    }

    [Fact]
    public void Lines_end_as_the_download_always_has_and_there_is_no_byte_order_mark()
    {
        var bytes = CsvReport.Write(TableOf(new Item("A1", null, null, null, 1m, ReviewRegime.Standard)), CsvLineEnding.CrLf);
        Assert.Equal("name,on,at,flag,amount,regime\r\nA1,,,,1,Standard\r\n", Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public async Task The_command_line_output_ends_lines_as_the_output_does()
    {
        await using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        await CsvReport.WriteAsync(output, TableOf(new Item("A1", new DateOnly(2026, 4, 1), null, false, 2m, ReviewRegime.Standard)));
        Assert.Equal("name,on,at,flag,amount,regime\r\nA1,2026-04-01,,false,2,Standard\r\n", output.ToString());
    }

    [Fact]
    public void The_file_is_a_named_csv_download()
    {
        var file = CsvReport.File(TableOf(), "report.csv");
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal("report.csv", file.FileDownloadName);
    }

    [Fact]
    public void The_timeliness_table_has_a_row_a_month_then_the_total_with_one_decimal()
    {
        var year = new ReportingYear(2022);
        var report = TimelinessReport.For([], year);
        var lines = Text(report.ToTable()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,held,on_time,percent", lines[0]);
        Assert.Equal("2022-04,0,0,0.0", lines[1]);
        Assert.Equal("total,0,0,0.0", lines[^1]);
        Assert.Equal(14, lines.Length);
    }
}
