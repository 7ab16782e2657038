using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Features.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Iro.Web.Data;

namespace Iro.Web.Features.MyIro;

/// <summary>
/// "My IRO" letters for every child newly allocated in a date range (by default the last 14 days), as one Word
/// document with a page per child. Each child in the download is recorded in the read audit.
/// </summary>
[Authorize(Policy = Permissions.PrintMyIroLetters)]
public sealed class NewAllocationsModel(VersionedResults results, IroDbContext db, CurrentUserAccessor users, AuditLog audit, TimeProvider clock) : PageModel
{
    public const int DefaultDays = 14;

    [BindProperty(SupportsGet = true)] public DateInput? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateInput? To { get; set; }

    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public IReadOnlyList<MyIroLetters.ForChild> Letters { get; private set; } = [];

    public string DocxUrl => DocxLink(FromDate, ToDate);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var user = await users.GetAsync(ct);
        var fileName = $"my-iro-letters-{FromDate:yyyy-MM-dd}-to-{ToDate:yyyy-MM-dd}.docx";
        await audit.RecordDownloadAsync(user.UserId, AuditLog.ChildEntity, Letters.Select(l => l.ChildId), Request.Path + Request.QueryString, fileName, ct);
        return File(MyIroDocument.Build(Letters.Select(l => l.Letter)), LetterDocument.ContentType, fileName);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = clock.ServiceToday();
        var from = From is null || From.IsEmpty ? today.AddDays(-DefaultDays) : From.Read(ModelState, nameof(From), "The start date");
        var to = To is null || To.IsEmpty ? today : To.Read(ModelState, nameof(To), "The end date");
        if (from is { } f && to is { } t && t < f) ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        if (!ModelState.IsValid || from is null || to is null) return false;
        (FromDate, ToDate) = (from.Value, to.Value);
        From = DateInput.From(FromDate);
        To = DateInput.From(ToDate);
        var (user, first, last) = (await users.GetAsync(ct), FromDate, ToDate);
        Letters = await results.GetAsync(db, "new-allocations", user, (first, last), today,
            services => services.GetRequiredService<MyIroLetters>().NewlyAllocatedAsync(user, first, last, today, CancellationToken.None), ct);
        return true;
    }

    private static string DocxLink(DateOnly from, DateOnly to) =>
        FormattableString.Invariant($"{MyIroLinks.NewAllocations}?handler=Docx&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}");
}
