using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Iro.Domain.Reviews;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features;
using Iro.Web.Tests.Features;
using Iro.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore.Metadata;
using Xunit.Abstractions;

namespace Iro.Web.Tests.Security;

/// <summary>
/// Posts mutated values to every form handler (found from the endpoint data source) as every role, with a valid
/// antiforgery token, and checks: never a 500; nothing written when the answer is a refusal (anything but a
/// redirect), comparing every table but the read audit; and no stored text beyond its column. Deterministic: a
/// fixed seed and a fixed number of mutations per field.
/// </summary>
public abstract partial class FormFuzzTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : IroAppFactory
{
    private const int Seed = 2026;
    /// <summary>Per field; a review's form has half its fields mutated on the held review, half on the planned one.</summary>
    private const int MutationsPerField = 1;

    /// <summary>Signing out would end the fuzzing user's session; sign-in has its own tests.</summary>
    private static readonly string[] NotFuzzed = ["/sign-out", "/sign-in"];

    private static readonly string[] Roles = [AccessScenario.Manager, AccessScenario.Support, AccessScenario.Admin, AccessScenario.Analyst, AccessScenario.IroAda, AccessScenario.Coordinator];

    private static readonly string[] Texts =
    [
        new('x', 10_001), new('y', 300_000), "A\u0001B\u0000C\u001bD\u007f", "=1+2", "", "   ", "名前 \ud83d\ude00 <script>alert(1)</script>", "\r\n\r\n",
    ];

    private const string UnknownId = "999999";

    private static readonly string[] Numbers = ["-1", "0", "999999", "2147483648", "-2147483649", "1e10", "abc", "", "79228162514264337593543950336"];
    private static readonly string[] Booleans = ["maybe", "", "2", "TRUE"];
    private static readonly string[] Guids = ["not-a-guid", Guid.Empty.ToString(), "", "{" + new string('f', 40) + "}"];
    private static readonly string[] Enums = ["Bogus", "99", "-1", "", "0", "Open,Done"];
    private static readonly string[] Dates = ["0001-01-01", "9999-12-31", "1899-12-31", "2999-01-01", "abc", ""];
    private static readonly string[] Times = ["25:99", "-1:00", "abc", ""];

    private static readonly (string Day, string Month, string Year)[] DateParts =
    [
        ("1", "1", "1899"), ("1", "1", "2999"), ("31", "2", "2027"), ("x", "y", "z"), ("-1", "-1", "-1"), ("99999999999", "1", "2026"), ("", "", ""), ("1", "1", "0"),
    ];

    [Fact]
    public async Task Every_form_handler_refuses_hostile_input_as_every_role_without_a_500_a_partial_write_or_an_overlong_value()
    {
        var handlers = (await FormEndpoints.DiscoverAsync(app.Services)).Where(h => !NotFuzzed.Contains(h.Template)).ToList();
        Assert.Contains(handlers, h => h.Template.EndsWith("/decisions", StringComparison.Ordinal) && h.Handler == "Status");
        var (held, planned) = Reviews();
        var random = new Random(Seed);
        var failures = new List<string>();
        var (requests, accepted) = (0, 0);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await db.Database.OpenConnectionAsync();
        foreach (var role in Roles)
        {
            var client = await app.ClientForAsync(role);
            var token = await SignIn.AntiforgeryTokenAsync(client, "/");
            var before = await FingerprintAsync(db);
            foreach (var handler in handlers)
            {
                int[] reviews = handler.Template.Contains("{review", StringComparison.OrdinalIgnoreCase) ? [held, planned] : [held];
                foreach (var (part, reviewId) in reviews.Index())
                {
                    var address = handler.For("A1", reviewId);
                    // The values the page itself would post (a record's id and version), so changes can get as far as a save.
                    var hidden = await HiddenValuesAsync(client, address);
                    foreach (var fields in Mutations(handler, random, hidden, handler.Fields.Where((_, i) => i % reviews.Length == part)))
                    {
                        fields["__RequestVerificationToken"] = token;
                        using var response = await client.PostAsync(address, new FormUrlEncodedContent(fields));
                        requests++;
                        var status = (int)response.StatusCode;
                        if (status >= 500) failures.Add($"{role} {address}: HTTP {status} for {Describe(fields)}");
                        if (status is 301 or 302 or 303)
                        {
                            accepted++;
                            before = await FingerprintAsync(db);
                            var fresh = await HiddenValuesAsync(client, address);
                            hidden.Clear();
                            foreach (var (name, value) in fresh) hidden[name] = value;
                            continue;
                        }

                        var after = await FingerprintAsync(db);
                        if (after != before) failures.Add($"{role} {address}: refused with HTTP {status} but wrote to the database, for {Describe(fields)}");
                        before = after;
                    }
                }
            }
        }

        failures.AddRange(await OverlongValuesAsync());
        output.WriteLine($"{handlers.Count} form handlers, {requests} requests, {accepted} accepted");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    /// <summary>
    /// For one handler: every field missing, every field hostile at once, and for each of the <paramref name="mutated"/> fields in turn
    /// <see cref="MutationsPerField"/> hostile values with the other fields plausible.
    /// </summary>
    private static IEnumerable<Dictionary<string, string>> Mutations(FormHandler handler, Random random, IReadOnlyDictionary<string, string> hidden, IEnumerable<FormField> mutated)
    {
        yield return [];
        yield return Fill(handler, f => Pick(f, random));
        foreach (var field in mutated)
        {
            // A reference to nothing (a chair or a record that does not exist) with everything else as the page would post it.
            if (field.ValueType == typeof(int) && field.Name.EndsWith("Id", StringComparison.OrdinalIgnoreCase))
                yield return Fill(handler, f => f == field ? [(f.Name, UnknownId)] : Plausible(f, hidden));
            for (var i = 0; i < MutationsPerField; i++)
                yield return Fill(handler, f => f == field ? Pick(f, random) : Plausible(f, hidden));
        }
    }

    /// <summary>The page's hidden inputs (the first value of each name), read as the signed-in user sees the page.</summary>
    private static async Task<Dictionary<string, string>> HiddenValuesAsync(HttpClient client, string address)
    {
        using var response = await client.GetAsync(address.Split('?')[0]);
        if (!response.IsSuccessStatusCode) return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var html = await response.Content.ReadAsStringAsync();
        return HiddenInput().Matches(html).DistinctBy(m => m.Groups["name"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value), StringComparer.OrdinalIgnoreCase);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"|<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex HiddenInput();

    private static Dictionary<string, string> Fill(FormHandler handler, Func<FormField, IEnumerable<(string Name, string Value)>> value)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in handler.Fields)
        {
            foreach (var (name, text) in value(field)) fields[name] = text;
        }

        return fields;
    }

    private static IEnumerable<(string, string)> Plausible(FormField field, IReadOnlyDictionary<string, string> hidden)
    {
        if (hidden.TryGetValue(field.Name, out var shown)) return [(field.Name, shown)];
        var type = field.ValueType;
        if (type == typeof(DateInput)) return Parts(field, ("20", "11", "2026"));
        var text = type == typeof(string) ? "Fuzz text" : type == typeof(bool) ? "true" : type == typeof(Guid) ? Guid.Empty.ToString()
            : type == typeof(DateOnly) ? "2026-11-20" : type == typeof(TimeOnly) ? "10:00" : type.IsEnum ? Enum.GetNames(type)[0] : "1";
        return [(field.Name, text)];
    }

    private static IEnumerable<(string, string)> Pick(FormField field, Random random)
    {
        var type = field.ValueType;
        if (type == typeof(DateInput)) return Parts(field, DateParts[random.Next(DateParts.Length)]);
        var values = type == typeof(string) ? Texts : type == typeof(bool) ? Booleans : type == typeof(Guid) ? Guids
            : type == typeof(DateOnly) ? Dates : type == typeof(TimeOnly) ? Times : type.IsEnum ? Enums : Numbers;
        return [(field.Name, values[random.Next(values.Length)])];
    }

    private static IEnumerable<(string, string)> Parts(FormField field, (string Day, string Month, string Year) date) =>
        [($"{field.Name}.Day", date.Day), ($"{field.Name}.Month", date.Month), ($"{field.Name}.Year", date.Year)];

    private static string Describe(Dictionary<string, string> fields) =>
        string.Join("&", fields.Where(f => f.Key != "__RequestVerificationToken").Select(f => $"{f.Key}={(f.Value.Length > 40 ? $"<{f.Value.Length} chars>" : f.Value)}"));

    private (int Held, int Planned) Reviews()
    {
        using var scope = app.Services.CreateScope();
        var reviews = scope.ServiceProvider.GetRequiredService<IroDbContext>().Reviews.Where(r => r.Child!.LocalId == "A1").ToList();
        return (reviews.Where(r => r.Status == ReviewStatus.Held).Max(r => r.Id), reviews.Single(r => r.Status == ReviewStatus.Planned).Id);
    }

    /// <summary>A hash of every row of every table, apart from the read audit (reads are recorded even when a change is refused).</summary>
    private static async Task<string> FingerprintAsync(IroDbContext db)
    {
        var audit = db.Model.FindEntityType(typeof(AuditEntry))!;
        var action = audit.FindProperty(nameof(AuditEntry.Action))!.GetColumnName();
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        foreach (var table in Tables(db.Model))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"" + (table == audit.GetTableName() ? $" WHERE \"{action}\" <> '{AuditLog.ReadAction}'" : "");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(table + ":" + Row(reader));
        }

        rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))));
    }

    private static string Row(DbDataReader reader)
    {
        var values = new string[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++) values[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return string.Join("|", values);
    }

    /// <summary>
    /// Every table apart from derived data the app brings up to date on its own, in the background or on a read (the
    /// materialised timetable), and the leases of that background work: neither is a write by the request.
    /// </summary>
    private static IEnumerable<string> Tables(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace != typeof(Iro.Web.Features.Timetable.Store.TimetableStore).Namespace
                && e.ClrType != typeof(Iro.Web.Features.Scheduling.ScheduledWorkLease))
            .Select(e => e.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Every text column with a configured width, checked in the database for a longer value.</summary>
    private async Task<List<string>> OverlongValuesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{entity.GetTableName()}\" WHERE LENGTH(\"{property.GetColumnName()}\") > {property.GetMaxLength()}";
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                    found.Add($"{entity.GetTableName()}.{property.GetColumnName()} holds text longer than {property.GetMaxLength()}");
            }
        }

        return found;
    }
}

/// <summary>The crawl scenario without logging: a thousand refused requests would spend most of the run writing logs.</summary>
public abstract class FuzzApp(DatabaseProvider provider) : CrawlApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}

public sealed class SqliteFuzzApp() : FuzzApp(DatabaseProvider.Sqlite);

public sealed class PostgresFuzzApp() : FuzzApp(DatabaseProvider.Postgres);

public sealed class FormFuzzSqliteTests(SqliteFuzzApp app, ITestOutputHelper output) : FormFuzzTests<SqliteFuzzApp>(app, output);

public sealed class FormFuzzPostgresTests(PostgresFuzzApp app, ITestOutputHelper output) : FormFuzzTests<PostgresFuzzApp>(app, output);
