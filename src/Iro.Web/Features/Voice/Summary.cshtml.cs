using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Voice;

/// <summary>
/// The year's child's-voice figures as charts and tables, the same as <c>iro voice summary</c>: figures only, no
/// child is named, so analysts may see it.
/// </summary>
[Authorize(Policy = Permissions.ViewServiceFigures)]
public sealed class SummaryModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock, IOptions<VoiceOptions> options) : PageModel
{
    public const string Path = "/voice";

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public VoiceFigures Figures { get; private set; } = null!;
    public VoiceOptions Options => options.Value;
    public IReadOnlyList<ReportingYear> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = ReportingYear.Containing(clock.ServiceToday());
        var year = ReportingYear.TryParse(YearText, out var chosen) && chosen.StartYear <= current.StartYear ? chosen : current;
        Years = [.. Enumerable.Range(0, 6).Select(i => new ReportingYear(current.StartYear - i))];
        var user = await currentUser.GetAsync(ct);
        Figures = await results.GetAsync(db, "voice", user, year.StartYear.ToString(CultureInfo.InvariantCulture), clock.ServiceToday(),
            services => services.GetRequiredService<VoiceSummaryQuery>().RunAsync(year, CancellationToken.None), ct);
    }

    public string Label(string questionKey) => Options.AuditQuestion(questionKey)?.Label ?? questionKey;

    /// <summary>The bars of the headline chart: each share with the counts it is made of.</summary>
    public IReadOnlyList<(string Label, decimal Percent, string Detail)> Shares
    {
        get
        {
            var f = Figures;
            return
            [
                ("Looked-after children referred for advocacy", f.Advocacy.PercentOfLookedAfterAtEnd, $"{f.Advocacy.ChildrenReferred} of {f.Advocacy.LookedAfterAtEnd}"),
                ("Return home interviews within 72 hours", Timeliness.Percent(f.Missing.InterviewsWithin72Hours, f.Missing.Episodes), $"{f.Missing.InterviewsWithin72Hours} of {f.Missing.Episodes}"),
                ("Placement moves with the child consulted", Timeliness.Percent(f.PlacementMoves.Consulted, f.PlacementMoves.Moves), $"{f.PlacementMoves.Consulted} of {f.PlacementMoves.Moves}"),
                ("Children saying life is getting better", f.Feedback.PercentYes, $"{f.Feedback.Yes} of {f.Feedback.Yes + f.Feedback.No + f.Feedback.NotSure}"),
            ];
        }
    }
}
