using Iro.Domain.Officers;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Features.Officers;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features;

public sealed class ImportOfficersTests : IAsyncLifetime
{
    private const string Header = "name,email,phone,employment,agency,fte,gender,ethnicity,start_date,end_date";
    private TestDatabase _database = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _directory = Directory.CreateTempSubdirectory("iro-import-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, _database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    private string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private async Task<List<ReviewingOfficer>> OfficersAsync()
    {
        var options = _database.Provider == DatabaseProvider.Sqlite
            ? new DbContextOptionsBuilder<SqliteIroDbContext>().UseSqlite(_database.ConnectionString).Options
            : throw new NotSupportedException();
        await using var db = new SqliteIroDbContext(options);
        return await db.ReviewingOfficers.OrderBy(o => o.Email).ToListAsync();
    }

    [Fact]
    public async Task A_valid_file_is_imported_with_every_field()
    {
        var file = WriteFile("iros.csv", Header,
            "Helen Marsh,helen@council.example,020 7946 0101,InHouse,,1.0,Female,WBRI,2019-04-01,",
            "\"Okoro, David\",david@orbis.example,,Commissioned,Orbis Reviewing,0.6,Male,BAFR,2020-09-14,2026-03-31");
        var (exit, output, _) = await RunAsync("import", "iros", "--file", file);
        Assert.Equal(0, exit);
        Assert.Contains("2 added", output, StringComparison.Ordinal);
        var officers = await OfficersAsync();
        Assert.Equal(2, officers.Count);
        var david = officers.Single(o => o.Email == "david@orbis.example");
        Assert.Equal("Okoro, David", david.Name);
        Assert.Equal(Employment.Commissioned, david.Employment);
        Assert.Equal("Orbis Reviewing", david.Agency);
        Assert.Equal(0.6m, david.Fte);
        Assert.Equal(new DateOnly(2026, 3, 31), david.EndDate);
    }

    [Fact]
    public async Task One_bad_row_in_the_middle_writes_nothing_and_names_row_column_and_value()
    {
        var file = WriteFile("bad.csv", Header,
            "Helen Marsh,helen@council.example,,InHouse,,1.0,Female,WBRI,2019-04-01,",
            "Sarah Quinn,sarah@orbis.example,,Commissioned,Orbis Reviewing,1.7,Female,WIRI,2020-01-06,",
            "Paul Gallagher,paul@orbis.example,,Commissioned,Orbis Reviewing,0.8,Male,WBRI,2021-02-01,");
        var (exit, _, error) = await RunAsync("import", "iros", "--file", file);
        Assert.Equal(1, exit);
        Assert.Contains("bad.csv row 3, column fte, value '1.7'", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Empty(await OfficersAsync());
    }

    [Theory]
    [InlineData("A,not-an-email,,InHouse,,1,,,2020-01-01,", "email", "not-an-email")]
    [InlineData("A,a@x.example,,Agency,,1,,,2020-01-01,", "employment", "Agency")]
    [InlineData("A,a@x.example,,Commissioned,,1,,,2020-01-01,", "agency", "")]
    [InlineData("A,a@x.example,,InHouse,,1,,,01/04/2020,", "start_date", "01/04/2020")]
    [InlineData("A,a@x.example,,InHouse,,1,,,2020-01-01,2019-12-31", "end_date", "2019-12-31")]
    [InlineData("A,a@x.example,,InHouse,,1,,XXXX,2020-01-01,", "ethnicity", "XXXX")]
    [InlineData("A,a@x.example,,InHouse,,1,Robot,,2020-01-01,", "gender", "Robot")]
    [InlineData(",a@x.example,,InHouse,,1,,,2020-01-01,", "name", "")]
    [InlineData("A,a@x.example,,InHouse,,0,,,2020-01-01,", "fte", "0")]
    public void Each_column_is_validated(string row, string column, string value)
    {
        var (officers, errors) = ImportOfficers.Parse("f.csv", Header + "\n" + row + "\n");
        Assert.Empty(officers);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Equal(value, error.Value);
    }

    [Fact]
    public void Missing_and_unexpected_columns_are_named()
    {
        var (_, errors) = ImportOfficers.Parse("f.csv", "name,email,phone,employment,agency,fte,gender,start_date,end_date,grade\n");
        var error = Assert.Single(errors);
        Assert.Contains("missing columns: ethnicity", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected columns: grade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_emails_within_the_file_are_refused()
    {
        var (_, errors) = ImportOfficers.Parse("f.csv", Header + "\nA,a@x.example,,InHouse,,1,,,2020-01-01,\nB,A@x.example,,InHouse,,1,,,2020-01-01,\n");
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "email" && e.Message.Contains("row 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reimporting_updates_by_email_rather_than_duplicating()
    {
        var first = WriteFile("a.csv", Header, "Helen Marsh,helen@council.example,,InHouse,,1.0,Female,WBRI,2019-04-01,");
        var second = WriteFile("b.csv", Header, "Helen Marsh,helen@council.example,,InHouse,,0.5,Female,WBRI,2019-04-01,2026-12-31");
        Assert.Equal(0, (await RunAsync("import", "iros", "--file", first)).Exit);
        var (exit, output, _) = await RunAsync("import", "iros", "--file", second);
        Assert.Equal(0, exit);
        Assert.Contains("1 updated", output, StringComparison.Ordinal);
        var helen = Assert.Single(await OfficersAsync());
        Assert.Equal(0.5m, helen.Fte);
    }

    [Fact]
    public async Task A_missing_file_is_reported_not_thrown()
    {
        var (exit, _, error) = await RunAsync("import", "iros", "--file", Path.Combine(_directory, "nope.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }
}
