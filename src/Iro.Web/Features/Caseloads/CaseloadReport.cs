using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Domain.Allocations;
using Iro.Domain.Officers;
using Iro.Web.Data;
using Iro.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Caseloads;

/// <summary>The caseloads on one date: the service, each employment type and every IRO in post (by name).</summary>
public sealed record CaseloadReport(DateOnly AsOf, Caseload Service, Caseload InHouse, Caseload Commissioned, IReadOnlyList<CaseloadReport.Officer> Officers)
{
    public sealed record Officer(int Id, string Email, string Name, Employment Employment, string? Agency, Caseload Caseload);

    public static async Task<CaseloadReport> BuildAsync(IroDbContext db, CaseloadSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshot);
        var names = await db.ReviewingOfficers.AsNoTracking()
            .Select(o => new { o.Id, o.Email, o.Name, o.Agency })
            .ToDictionaryAsync(o => o.Id, ct);
        var officers = snapshot.Officers
            .Select(o => new Officer(o.OfficerId, names[o.OfficerId].Email, names[o.OfficerId].Name, o.Employment, names[o.OfficerId].Agency, o.Caseload))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Email, StringComparer.Ordinal)
            .ToList();
        return new CaseloadReport(snapshot.On, snapshot.Service, snapshot.Of(Employment.InHouse), snapshot.Of(Employment.Commissioned), officers);
    }

    /// <summary>
    /// The JSON of <c>iro caseloads --format json</c>, an interface: keep the keys and nesting. FTE is written with
    /// at least one decimal place (5.0), per FTE with one, rounded half up; per FTE is null when there is no FTE.
    /// </summary>
    public string ToJson()
    {
        var byEmployment = new JsonObject { [nameof(Employment.InHouse)] = FiguresJson(InHouse), [nameof(Employment.Commissioned)] = FiguresJson(Commissioned) };
        var officers = new JsonArray([.. Officers.Select(o => (JsonNode)new JsonObject
        {
            ["email"] = o.Email, ["name"] = o.Name, ["employment"] = o.Employment.ToString(),
            ["fte"] = Number(o.Caseload.Fte), ["children"] = o.Caseload.Children, ["perFte"] = PerFte(o.Caseload),
        })]);
        var root = new JsonObject
        {
            ["asOf"] = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["service"] = FiguresJson(Service),
            ["byEmployment"] = byEmployment,
            ["officers"] = officers,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>One group's caseload as <c>iro caseloads</c> writes it (also the annual report's <c>caseloads.atEnd</c>).</summary>
    public static JsonObject FiguresJson(Caseload c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new() { ["headcount"] = c.Headcount, ["fte"] = Number(c.Fte), ["children"] = c.Children, ["perFte"] = PerFte(c) };
    }

    /// <summary>
    /// The CSV of <c>iro caseloads --format csv</c>: a service row, one row per employment type, then one row per
    /// IRO in post. Columns: as_of, row (service, employment or officer), employment, email, name, headcount,
    /// fte, children, per_fte.
    /// </summary>
    public ReportTable ToTable()
    {
        var rows = new List<(string Row, string? Employment, string? Email, string? Name, Caseload Caseload)>
        {
            ("service", null, null, null, Service),
            ("employment", nameof(Employment.InHouse), null, null, InHouse),
            ("employment", nameof(Employment.Commissioned), null, null, Commissioned),
        };
        rows.AddRange(Officers.Select(o => ("officer", (string?)o.Employment.ToString(), (string?)o.Email, (string?)o.Name, o.Caseload)));
        return ReportTable.Of(rows,
            new("as_of", _ => AsOf),
            new("row", r => r.Row),
            new("employment", r => r.Employment),
            new("email", r => r.Email),
            new("name", r => r.Name),
            new("headcount", r => r.Caseload.Headcount),
            new("fte", r => Number(r.Caseload.Fte)),
            new("children", r => r.Caseload.Children),
            new("per_fte", r => r.Caseload.PerFte is { } perFte ? Number(perFte) : null));
    }

    /// <summary>
    /// The value with at least one decimal place kept in its scale, so 5 is written 5.0: how every FTE and per-FTE
    /// figure is written in JSON (caseloads and the annual report alike).
    /// </summary>
    public static decimal Number(decimal value) =>
        decimal.Parse(value.ToString("0.0###########", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static decimal? PerFte(Caseload caseload) => caseload.PerFte is { } perFte ? Number(perFte) : null;
}
