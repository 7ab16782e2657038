using Iro.Domain.AnnualReport;
using Iro.Web.Data;
using Iro.Web.Features.AnnualReport;

namespace Iro.Web.Demo;

/// <summary>
/// The demo borough's draft annual report for its last complete year: the narrative a manager would have written
/// (key messages, case studies, last year's priorities with their progress, next year's priorities), so that every
/// section of the report has content; every figure still comes from the borough's data. The narrative quotes no
/// figure, names no child and uses the standard legal context.
/// </summary>
public static class DemoAnnualReport
{
    public static async Task AddAsync(IroDbContext db, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AnnualReportEditions.Add(new AnnualReportEdition
        {
            Year = IndexModel.LastCompleteYear(asOf).ToString(),
            KeyMessages =
                "Children told us that they want to know their IRO and to see the same IRO from one review to the next. This year we kept more children with one IRO through their period of care.\n\n" +
                "Review timeliness held up through the winter, when sickness in the team meant that reviews were rearranged at short notice.",
            CaseStudies =
                "A young person in a residential home had not taken part in her reviews for a year. Her IRO met her at her favourite café before each review, and she chaired her next review herself, with her IRO's support.\n\n" +
                "A care plan for a boy placed with his grandmother drifted while the special guardianship assessment was delayed. His IRO raised it with the team manager and then the head of service; the assessment was finished within a month.",
            LastYearPriorities = ReportPriorities.Write(
            [
                new("Every child meets their IRO before their first review", RagStatus.Green, "IROs met almost every child before the first review; the few exceptions were children placed far away, who spoke to their IRO by video."),
                new("Midway reviews for children with a plan for permanence", RagStatus.Amber, "Midway reviews began in the autumn and now cover most children with a plan for permanence; the rest will be covered next year."),
                new("Reduce the number of IRO changes", RagStatus.Red, "Two IROs left in the year and their children had to change IRO; recruitment is under way."),
            ]),
            NextYearPriorities =
                "Recruit two permanent IROs so that fewer children change IRO.\n\n" +
                "Extend midway reviews to every child looked after.\n\n" +
                "Ask every child for feedback after their review, and report what they say to the corporate parenting board.",
        });
        await db.SaveChangesAsync(ct);
    }
}
