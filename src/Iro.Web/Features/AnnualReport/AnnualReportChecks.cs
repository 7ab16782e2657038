using Iro.Domain.Allocations;
using Iro.Domain.AnnualReport;
using Iro.Domain.Officers;
using Iro.Domain.Voice;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The reconciliation checks a year's figures must pass before the report is published: every breakdown sums to
/// its total, the months sum to the year. A failure (for example children older than the last configured age band)
/// blocks publishing and says which figure does not add up.
/// </summary>
public static class AnnualReportChecks
{
    public static IReadOnlyList<ReconciliationFailure> For(AnnualReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return [.. Year(figures.Year), .. Year(figures.PreviousYear)];
    }

    /// <summary>The figures' checks and the narrative's: every number the key messages quote equals the figure it names.</summary>
    public static IReadOnlyList<ReconciliationFailure> For(AnnualReportFigures figures, string? keyMessages) =>
        [.. For(figures), .. NarrativeNumbers.Check(keyMessages, NarrativeFigures.Of(figures.Year))];

    private static IEnumerable<ReconciliationFailure> Year(AnnualYearFigures y)
    {
        var year = y.Year.ToString();
        var checks = new List<ReconciliationFailure?>();
        foreach (var (name, profile) in new[] { ("at the start of", y.LookedAfterAtStart), ("at the end of", y.LookedAfterAtEnd) })
        {
            var label = $"Children looked after {name} {year}";
            checks.Add(Reconciliation.RowsSumToTotal($"{label}, by age", profile.Age.Values, profile.Total));
            checks.Add(Reconciliation.RowsSumToTotal($"{label}, by sex", profile.Sex.Values, profile.Total));
            checks.Add(Reconciliation.RowsSumToTotal($"{label}, by ethnicity", profile.Ethnicity.Values, profile.Total));
            checks.Add(Reconciliation.RowsSumToTotal($"{label}, by legal status", profile.LegalStatus.Values, profile.Total));
            checks.Add(Reconciliation.RowsSumToTotal($"{label}, by placement", profile.Placement.Values, profile.Total));
        }

        var iros = y.IrosAtEnd;
        checks.Add(Reconciliation.RowsSumToTotal($"IROs at the end of {year}, by employment", iros.Employment.Values, iros.Count));
        checks.Add(Reconciliation.RowsSumToTotal($"IROs at the end of {year}, by gender", iros.Gender.Values, iros.Count));
        checks.Add(Reconciliation.RowsSumToTotal($"IROs at the end of {year}, by ethnicity", iros.Ethnicity.Values, iros.Count));
        checks.Add(Reconciliation.RowsSumToTotal($"Reviews held in {year}, by month", y.Timeliness.Months.Select(m => m.Figures.Held), y.Timeliness.Total.Held));
        checks.Add(Reconciliation.RowsSumToTotal($"Reviews on time in {year}, by month", y.Timeliness.Months.Select(m => m.Figures.OnTime), y.Timeliness.Total.OnTime));
        checks.Add(Reconciliation.RowsSumToTotal($"Escalations raised in {year}, by highest level", y.Escalations.ByHighestLevel.Select(c => c.Count), y.Escalations.Count));
        return [.. Reconciliation.Failures([.. checks]), .. Caseloads(y.Caseloads.AtEnd, year), .. Advocacy(y.Voice.Advocacy, year)];
    }

    /// <summary>At 31 March, the employment types' IROs and children sum to the service's.</summary>
    public static IReadOnlyList<ReconciliationFailure> Caseloads(CaseloadSnapshot atEnd, string year)
    {
        ArgumentNullException.ThrowIfNull(atEnd);
        var parts = new[] { atEnd.Of(Employment.InHouse), atEnd.Of(Employment.Commissioned) };
        return Reconciliation.Failures(
            Reconciliation.RowsSumToTotal($"Caseloads at the end of {year}, IROs by employment", parts.Select(c => c.Headcount), atEnd.Service.Headcount),
            Reconciliation.RowsSumToTotal($"Caseloads at the end of {year}, children by employment", parts.Select(c => c.Children), atEnd.Service.Children));
    }

    /// <summary>The year's advocacy referrals by source sum to the referrals.</summary>
    public static IReadOnlyList<ReconciliationFailure> Advocacy(AdvocacyFigures advocacy, string year)
    {
        ArgumentNullException.ThrowIfNull(advocacy);
        return Reconciliation.Failures(
            Reconciliation.RowsSumToTotal($"Advocacy referrals in {year}, by source", advocacy.BySource.Select(s => s.Count), advocacy.Referrals));
    }
}
