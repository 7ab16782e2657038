using System.Globalization;
using System.Text.Json.Nodes;
using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.AnnualReport;

/// <summary>A row of a report table: a label, this year's value, last year's, and optionally a share of a denominator.</summary>
public sealed record ReportRow(string Label, decimal? Value, decimal? PreviousValue, string? Note = null)
{
    public decimal? Change => Value is { } v && PreviousValue is { } p ? v - p : null;
}

/// <summary>A numbered table of one section, with the definition of what it counts.</summary>
public sealed record ReportTableBlock(string Caption, string Definition, IReadOnlyList<ReportRow> Rows, bool HasTotal)
{
    /// <summary>A chart of the table's figures, drawn beside it; null for a table without one.</summary>
    public ReportChart? Chart { get; init; }
}

/// <summary>A numbered section: its narrative paragraphs (written by the manager or generated from the figures) and tables.</summary>
public sealed record ReportSection(int Number, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTableBlock> Tables);

/// <summary>
/// Lays out the report from its figures (the report JSON, frozen when published) and the edition's narrative:
/// the one source the HTML page, the Word document and the workbook all render, so they cannot disagree.
/// Sections are numbered here, in order.
/// </summary>
public static partial class ReportLayout
{
    public static IReadOnlyList<ReportSection> Sections(JsonObject report, AnnualReportEdition? edition)
    {
        ArgumentNullException.ThrowIfNull(report);
        var previous = report["previousYear"] as JsonObject;
        var builders = new List<(string Title, Func<JsonObject, JsonObject?, (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>)> Build)>
        {
            ("Key messages", (r, p) => (Narrative(edition?.KeyMessages).Concat(KeyMessages(r, p)).ToList(), [])),
            ("Purpose and legal context", (_, _) => (Narrative(edition?.LegalContext, DefaultLegalContext), [])),
            ("The IRO service", Iros),
            ("Caseloads", Caseloads),
            ("Children looked after", LookedAfter),
            ("Referrals and allocation", Allocation),
            ("Reviews", Reviews),
            ("Participation", Participation),
            ("Paperwork on time", Paperwork),
            ("Activity between reviews", Activity),
            ("Escalations", Escalations),
            ("Advocacy and independent visitors", AdvocacyAndVisitors),
            ("Children's feedback and file audits", FeedbackAndAudits),
            ("Missing and return home interviews", Missing),
            ("Case studies", (_, _) => (Narrative(edition?.CaseStudies, "No case studies have been written for this report."), [])),
            ("Last year's priorities", (_, _) => (NarrativeLayout.LastYearPriorities(edition), [])),
            ("Next year's priorities", (_, _) => (Narrative(edition?.NextYearPriorities, "Not yet written."), [])),
            ("Methodology", (r, _) => (Methodology(r), [])),
        };
        return builders.Select((b, i) =>
        {
            var (paragraphs, tables) = b.Build(report, previous);
            return new ReportSection(i + 1, b.Title, paragraphs, tables);
        }).ToList();
    }

    public const string DefaultLegalContext =
        "Every child looked after by the council must have an Independent Reviewing Officer (IRO), who chairs the statutory reviews of " +
        "the child's care plan, makes sure the child's wishes and feelings are heard, monitors the council's performance as a corporate " +
        "parent and raises concerns when the plan drifts (Children Act 1989 s.25A-25C; Care Planning, Placement and Case Review (England) " +
        "Regulations 2010; IRO Handbook 2010). The IRO manager reports each year on the service's work.";

    private static string[] Narrative(string? text, string? fallback = null) =>
        string.IsNullOrWhiteSpace(text)
            ? fallback is null ? [] : [fallback]
            : text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Sentences generated from the figures, so the narrative's numbers are the tables' numbers.</summary>
    private static IEnumerable<string> KeyMessages(JsonObject r, JsonObject? p)
    {
        var held = Int(r, "reviews.held");
        var onTime = Int(r, "reviews.onTime");
        var percent = Dec(r, "reviews.percentOnTime");
        var sentence = $"{held} reviews were held in {r["year"]}, {onTime} of them on time ({Percent(percent)}, {onTime} of {held}).";
        if (p is not null && Dec(p, "reviews.percentOnTime") is { } before && Int(p, "reviews.held") > 0)
            sentence += $" Timeliness was {PercentagePoints.Describe(percent ?? 0, before)} on the year before ({Percent(before)}).";
        yield return sentence;
        yield return $"{Int(r, "lookedAfter.atEnd.total")} children were looked after at 31 March, against {Int(r, "lookedAfter.atStart.total")} a year before.";
        yield return $"At the end of the year the service had {Int(r, "iros.atEnd.count")} IROs ({Dec(r, "iros.atEnd.fte")?.ToString("0.0#", CultureInfo.InvariantCulture)} FTE).";
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Iros(JsonObject r, JsonObject? p) =>
    ([],
    [
        new("IROs in post at 31 March", "IROs who had started and not left by 31 March; FTE on that date.",
        [
            Row("Headcount", r, p, "iros.atEnd.count"),
            Row("Full-time equivalent", r, p, "iros.atEnd.fte"),
            .. Keyed(r, p, "iros.atEnd.employment", k => k == "InHouse" ? "In-house" : k),
            Row("Joined in the year", r, p, "iros.joiners"),
            Row("Left in the year", r, p, "iros.leavers"),
        ], false),
        new("IROs at 31 March by gender", "Headcount.", Keyed(r, p, "iros.atEnd.gender", k => k), false),
        new("IROs at 31 March by ethnicity", "Headcount, by DfE major ethnic group.", Keyed(r, p, "iros.atEnd.ethnicity", k => k), false),
    ]);

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) LookedAfter(JsonObject r, JsonObject? p) =>
    ([$"Age is in completed years at 31 March. Bands: {string.Join(", ", Obj(r, "lookedAfter.atEnd.age")?.Select(a => a.Key) ?? [])}."],
    [
        new("Children looked after", "Point-in-time counts at 31 March; starts and ceases count children once in the year.",
        [
            Row("At the start of the year", r, p, "lookedAfter.atStart.total"),
            Row("Started to be looked after", r, p, "lookedAfter.starts"),
            Row("Ceased to be looked after", r, p, "lookedAfter.ceases"),
            Row("At the end of the year", r, p, "lookedAfter.atEnd.total"),
            Row("Looked after at any time in the year", r, p, "lookedAfter.atAnyTime"),
        ], false),
        new("Children looked after at 31 March by age", "Age in completed years at 31 March.", WithTotal(Keyed(r, p, "lookedAfter.atEnd.age", k => k), r, p, "lookedAfter.atEnd.total"), true)
        {
            Chart = KeyedChart($"Children looked after at 31 March {EndYear(r)}, by age band", r, "lookedAfter.atEnd.age", ""),
        },
        new("Children looked after at 31 March by sex", "", WithTotal(Keyed(r, p, "lookedAfter.atEnd.sex", k => k), r, p, "lookedAfter.atEnd.total"), true),
        new("Children looked after at 31 March by ethnicity", "DfE major ethnic groups.", WithTotal(Keyed(r, p, "lookedAfter.atEnd.ethnicity", k => k), r, p, "lookedAfter.atEnd.total"), true),
        new("Children looked after at 31 March by legal status", "SSDA903 legal status of the episode open on 31 March.", WithTotal(Keyed(r, p, "lookedAfter.atEnd.legalStatus", k => k), r, p, "lookedAfter.atEnd.total"), true),
    ]);

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Allocation(JsonObject r, JsonObject? p) =>
    ([],
    [
        new("Allocation of IROs", "Good practice: an IRO is allocated within 5 working days of the start of the period of care.",
        [
            Row("Periods of care started", r, p, "allocation.periodsStarted"),
            Share("Allocated within 5 working days", r, p, "allocation.allocatedWithinFiveWorkingDays", "allocation.periodsStarted"),
            Row("IRO changes in the year", r, p, "allocation.iroChanges"),
            Share("Same IRO throughout the current period of care", r, p, "allocation.sameIroThroughoutCurrentPeriod.children", "allocation.sameIroThroughoutCurrentPeriod.of"),
        ], false),
    ]);

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Reviews(JsonObject r, JsonObject? p)
    {
        var months = (r["reviews"]?["monthly"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => new ReportRow((string)m["month"]!, (int)m["held"]!, null, $"{(int)m["onTime"]!} on time ({Percent((decimal)m["percent"]!)})"))
            .ToList();
        return ([],
        [
            new("Reviews held and on time", "Reviews held in the year against the statutory timetable (regulation 33, working days).",
            [
                Row("Reviews held", r, p, "reviews.held"),
                Share("Held on time", r, p, "reviews.onTime", "reviews.held"),
            ], false),
            new("Reviews by month", "Reviews held in each month, and how many were on time.", months, false) { Chart = ReviewsChart(r) },
        ]);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Participation(JsonObject r, JsonObject? p) =>
    (["Each review held in the year is counted once, under its SSDA903 participation code, in the DfE wording."],
    [
        new("How children took part in their reviews", "Reviews held in the year by participation code.",
            Keyed(r, p, "reviews.participation", k => Enum.TryParse<Domain.Codes.ParticipationCode>(k, out var code) ? $"{k}: {Domain.Codes.ParticipationCodes.Describe(code)}" : k), false),
    ]);

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Escalations(JsonObject r, JsonObject? p) =>
    ([],
    [
        new("Escalations raised", "Escalations raised in the year under the dispute resolution process.",
        [
            Row("Escalations raised", r, p, "escalations.count"),
            Row("Still open", r, p, "escalations.open"),
            Row("Over 20 working days", r, p, "escalations.overTwentyWorkingDays"),
            Row("Referred to Cafcass", r, p, "escalations.cafcassReferrals"),
        ], false),
        new("Escalations by highest level reached", "", Keyed(r, p, "escalations.byHighestLevel", k => k), false),
        new("Escalations by theme", "An escalation with several themes counts under each.", Keyed(r, p, "escalations.byTheme", k => k), false),
    ]);

    private static ReportRow Row(string label, JsonObject r, JsonObject? p, string path) => new(label, Dec(r, path), p is null ? null : Dec(p, path));

    private static ReportRow Share(string label, JsonObject r, JsonObject? p, string numeratorPath, string denominatorPath)
    {
        var numerator = Int(r, numeratorPath);
        var denominator = Int(r, denominatorPath);
        return new(label, numerator, p is null ? null : Dec(p, numeratorPath),
            $"{Percent(Timeliness.Percent(numerator, denominator))} ({numerator} of {denominator})");
    }

    private static List<ReportRow> Keyed(JsonObject r, JsonObject? p, string path, Func<string, string> label) =>
        (Obj(r, path) ?? []).Select(pair => new ReportRow(label(pair.Key), (decimal?)pair.Value, p is null ? null : (decimal?)Obj(p, path)?[pair.Key])).ToList();

    private static IReadOnlyList<ReportRow> WithTotal(IReadOnlyList<ReportRow> rows, JsonObject r, JsonObject? p, string totalPath) =>
        [.. rows, Row("Total", r, p, totalPath)];

    private static JsonNode? At(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.')) node = node?[part];
        return node;
    }

    private static JsonObject? Obj(JsonObject root, string path) => At(root, path) as JsonObject;

    private static decimal? Dec(JsonObject root, string path) => At(root, path) is JsonValue v ? v.GetValue<decimal>() : null;

    private static int Int(JsonObject root, string path) => (int)(Dec(root, path) ?? 0);

    private static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
