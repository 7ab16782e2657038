using System.Text.Json.Nodes;
using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The sections on caseloads, the child's voice (advocacy, visitors, feedback, audits, missing) and the methodology
/// annex, and the report's charts. A section whose data is not recorded for the year says so instead of showing
/// zeros.
/// </summary>
public static partial class ReportLayout
{
    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Caseloads(JsonObject r, JsonObject? p)
    {
        var band = $"{ReportNumbers.Format(Dec(r, "caseloads.band.min"))} to {ReportNumbers.Format(Dec(r, "caseloads.band.max"))}";
        if (Int(r, "caseloads.atEnd.service.headcount") == 0)
            return ([NotRecorded($"No IROs are recorded in post at 31 March {EndYear(r)}", r)], []);

        var perFte = Dec(r, "caseloads.atEnd.service.perFte");
        var paragraphs = new List<string>
        {
            "A caseload counts the children looked after and allocated to an IRO on the day; per FTE divides it by the " +
            $"full-time equivalent of the IROs in post that day. The IRO Handbook band is {band} children per full-time IRO.",
        };
        if (perFte is { } value)
            paragraphs.Add($"At 31 March {EndYear(r)} the service had {ReportNumbers.Format(value)} children per FTE, {BandPosition(value, r)} the band.");

        var groups = new[] { ("service", "Service"), ("InHouse", "In-house"), ("Commissioned", "Commissioned") };
        var atEnd = groups.SelectMany(g => new[]
        {
            Row($"{g.Item2}: IROs", r, p, $"caseloads.atEnd.{g.Item1}.headcount"),
            Row($"{g.Item2}: FTE", r, p, $"caseloads.atEnd.{g.Item1}.fte"),
            Row($"{g.Item2}: children", r, p, $"caseloads.atEnd.{g.Item1}.children"),
            Row($"{g.Item2}: children per FTE", r, p, $"caseloads.atEnd.{g.Item1}.perFte"),
        }).ToList();
        var months = Months(r);
        var previousMonths = p is null ? [] : Months(p);
        var monthly = months.Select((m, i) => new ReportRow(
            MonthLabel((string)m["month"]!), Number(m, "perFte"), i < previousMonths.Count ? Number(previousMonths[i], "perFte") : null,
            $"{(int)m["children"]!} children, {ReportNumbers.Format(Number(m, "fte"))} FTE")).ToList();
        return (paragraphs,
        [
            new("Caseloads at 31 March by employment type", "Children looked after and allocated on 31 March; FTE in effect that day; per FTE to one decimal place, half up.", atEnd, false),
            new("Children per FTE at each month end", "The service's caseload per FTE on the last day of each month; the previous year's column is the same month a year before.", monthly, false)
            {
                Chart = new ReportChart(
                    $"Children per FTE at each month end, {r["year"]}",
                    [.. monthly.Select(m => new ChartBar(m.Label, m.Value))], "",
                    [new ChartLine("Band minimum", Dec(r, "caseloads.band.min") ?? 0), new ChartLine("Band maximum", Dec(r, "caseloads.band.max") ?? 0)]),
            },
        ]);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) AdvocacyAndVisitors(JsonObject r, JsonObject? p)
    {
        if (Int(r, "voice.advocacy.referrals") + Int(r, "voice.independentVisitors.childrenWithVisitor") + Int(r, "voice.independentVisitors.waiting") == 0)
            return ([NotRecorded("No advocacy referrals or independent visitors are recorded", r)], []);
        return (["A child referred more than once in the year is counted once among the children referred; a referral for several reasons counts under each."],
        [
            new("Advocacy and independent visitors", "Referrals made in the year; children referred out of the children looked after at 31 March.",
            [
                ShareOf("Children referred for advocacy", r, p, "voice.advocacy.childrenReferred", "voice.advocacy.lookedAfterAtEnd"),
                Row("Advocacy referrals", r, p, "voice.advocacy.referrals"),
                Row("Advocacy hours", r, p, "voice.advocacy.hours"),
                Row("Children with an independent visitor in the year", r, p, "voice.independentVisitors.childrenWithVisitor"),
                Row("Children waiting for an independent visitor at 31 March", r, p, "voice.independentVisitors.waiting"),
            ], false),
            new("Advocacy referrals by source", "Who made the referral.", WithTotal(Keyed(r, p, "voice.advocacy.bySource", k => k), r, p, "voice.advocacy.referrals"), true),
            new("Advocacy referrals by reason", "A referral for several reasons counts under each, so the rows need not sum to the referrals.", Keyed(r, p, "voice.advocacy.byReason", k => k), false),
        ]);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) FeedbackAndAudits(JsonObject r, JsonObject? p)
    {
        var paragraphs = new List<string>();
        var tables = new List<ReportTableBlock>();
        if (Int(r, "voice.feedback.responses") == 0)
        {
            paragraphs.Add(NotRecorded("No feedback from children is recorded", r));
        }
        else
        {
            tables.Add(new("Children's feedback", "Consultation returns received in the year. The percentage leaves out returns that did not answer the question.",
            [
                Row("Returns received", r, p, "voice.feedback.responses"),
                ShareOf("Said life is getting better", r, p, "voice.feedback.lifeGettingBetter.yes", Answered),
            ], false));
        }

        if (Int(r, "voice.audits.audits") == 0)
        {
            paragraphs.Add(NotRecorded("No file audits are recorded", r));
        }
        else
        {
            var questions = (Obj(r, "voice.audits.questions") ?? []).Select(q => ShareOf(
                q.Key, r, p, $"voice.audits.questions.{q.Key}.yes", root => Int(root, $"voice.audits.questions.{q.Key}.yes") + Int(root, $"voice.audits.questions.{q.Key}.no")));
            tables.Add(new("File audits", "Files audited in the year, and the audits answering yes to each question out of those answering it.",
                [Row("Files audited", r, p, "voice.audits.audits"), .. questions], false));
        }

        return (paragraphs, tables);

        static int Answered(JsonObject root) =>
            Int(root, "voice.feedback.lifeGettingBetter.yes") + Int(root, "voice.feedback.lifeGettingBetter.no") + Int(root, "voice.feedback.lifeGettingBetter.notSure");
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Missing(JsonObject r, JsonObject? p)
    {
        if (Int(r, "voice.missing.episodes") == 0 && Int(r, "voice.placementMoves.moves") == 0)
            return ([NotRecorded("No missing episodes or placement moves are recorded", r)], []);
        return ([],
        [
            new("Missing episodes and return home interviews", "Episodes of going missing that started in the year; interviews held within 72 hours of the return.",
            [
                Row("Children who went missing", r, p, "voice.missing.children"),
                Row("Missing episodes", r, p, "voice.missing.episodes"),
                ShareOf("Return home interviews within 72 hours", r, p, "voice.missing.returnInterviewsWithin72Hours", "voice.missing.episodes"),
            ], false),
            new("Placement moves", "Moves in the year, and those where the child was consulted before the move.",
            [
                Row("Placement moves", r, p, "voice.placementMoves.moves"),
                ShareOf("Child consulted before the move", r, p, "voice.placementMoves.consulted", "voice.placementMoves.moves"),
            ], false),
        ]);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Paperwork(JsonObject r, JsonObject? p)
    {
        if (Int(r, "paperwork.reviews") == 0)
            return ([NotRecorded("No review paperwork dates are recorded", r)], []);
        return (["Paperwork is on time when both the social worker's report and the updated care plan reached the IRO the set number of working days before the review. " +
                 "Only reviews whose paperwork dates were recorded are counted; reviews imported from the SSDA903 return carry none."],
        [
            new("Review paperwork on time", "Reviews held in the year with their paperwork recorded.",
            [
                Row("Reviews with paperwork recorded", r, p, "paperwork.reviews"),
                ShareOf("Paperwork on time", r, p, "paperwork.onTime", "paperwork.reviews"),
            ], false),
        ]);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ReportTableBlock>) Activity(JsonObject r, JsonObject? p)
    {
        if (Int(r, "activity.midwayReviews") + Int(r, "activity.caseNotes") + Int(r, "activity.decisions") == 0)
            return ([NotRecorded("No midway reviews, case notes or review decisions are recorded", r)], []);
        return ([],
        [
            new("The IRO's work between reviews", "Midway reviews held and case notes written in the year; decisions made at the reviews held in the year.",
            [
                Row("Midway reviews", r, p, "activity.midwayReviews"),
                Row("Case notes", r, p, "activity.caseNotes"),
                Row("Review decisions", r, p, "activity.decisions"),
            ], false),
        ]);
    }

    private static IReadOnlyList<string> Methodology(JsonObject r) =>
    [
        $"Reporting year: {r["year"]} runs from 1 April to 31 March. Point-in-time figures are measured at 31 March; whole-year figures count events dated from 1 April to 31 March, both days included.",
        "Looked after on a date: an episode of care had started on or before the date and had not ceased by it, so a child whose episode ceased on 31 March is not counted at 31 March (the SSDA903 convention).",
        "Review timetable: the first review is due within 20 working days of the start of care, the second within 3 months of the first, and later reviews within 6 months of the one before. " +
        "Working days exclude Saturdays, Sundays and the bank holidays of England and Wales.",
        "Which reviews count: every review held in the year counts once, in the month it was held; it is on time when it was held on or before its due date.",
        $"Age is in completed years at the date, so a child whose 16th birthday is 31 March is 16 at 31 March. Age bands used: {string.Join(", ", Obj(r, "lookedAfter.atEnd.age")?.Select(a => a.Key) ?? [])}.",
        "FTE: each IRO's full-time equivalent in effect on the date (FTE is recorded with the date it changes); IROs in post on the date only. Caseload per FTE is the children looked after and allocated to the IROs divided by their FTE.",
        "Rounding: percentages and per-FTE figures have one decimal place, rounded half up; every percentage is shown with its numerator and denominator. A change between two percentages is given in percentage points (pp).",
    ];

    private static string NotRecorded(string what, JsonObject r) => $"{what} for {r["year"]}: this section has no figures for the year.";

    private static string EndYear(JsonObject r) => ReportingYear.TryParse((string?)r["year"], out var year) ? year.End.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    private static string BandPosition(decimal perFte, JsonObject r) =>
        perFte < (Dec(r, "caseloads.band.min") ?? 0) ? "under" : perFte > (Dec(r, "caseloads.band.max") ?? decimal.MaxValue) ? "over" : "within";

    private static List<JsonObject> Months(JsonObject root) => [.. (At(root, "caseloads.monthly") as JsonArray ?? []).OfType<JsonObject>()];

    private static decimal? Number(JsonObject month, string key) => month[key] is JsonValue v ? v.GetValue<decimal>() : null;

    private static string MonthLabel(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : month;

    private static ReportRow ShareOf(string label, JsonObject r, JsonObject? p, string numeratorPath, string denominatorPath) =>
        ShareOf(label, r, p, numeratorPath, root => Int(root, denominatorPath));

    /// <summary>A count with its percentage of a denominator, numerator and denominator beside it, and the change in pp.</summary>
    private static ReportRow ShareOf(string label, JsonObject r, JsonObject? p, string numeratorPath, Func<JsonObject, int> denominator)
    {
        var note = ShareText(Int(r, numeratorPath), denominator(r));
        if (p is not null && Dec(p, numeratorPath) is not null)
        {
            var (was, now) = (Timeliness.Percent(Int(p, numeratorPath), denominator(p)), Timeliness.Percent(Int(r, numeratorPath), denominator(r)));
            note += $"; previous year {ShareText(Int(p, numeratorPath), denominator(p))}, {PercentagePoints.Describe(now, was)}";
        }

        return new(label, Dec(r, numeratorPath), p is null ? null : Dec(p, numeratorPath), note);
    }

    private static string ShareText(int numerator, int denominator) =>
        denominator == 0 ? "n/a (0 of 0)" : $"{Percent(Timeliness.Percent(numerator, denominator))} ({numerator} of {denominator})";

    private static ReportChart ReviewsChart(JsonObject r) => new(
        $"Reviews held on time in {r["year"]}, by month (%)",
        [.. (At(r, "reviews.monthly") as JsonArray ?? []).OfType<JsonObject>().Select(m => new ChartBar(MonthLabel((string)m["month"]!), (int)m["held"]! == 0 ? null : Number(m, "percent")))],
        "%", []);

    private static ReportChart KeyedChart(string title, JsonObject r, string path, string unit) =>
        new(title, [.. (Obj(r, path) ?? []).Select(pair => new ChartBar(pair.Key, (decimal?)pair.Value))], unit, []);
}
