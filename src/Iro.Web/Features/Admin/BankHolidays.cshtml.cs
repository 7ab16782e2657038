using System.Globalization;
using System.Text.Json;
using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Admin;

/// <summary>
/// Administrators record newly proclaimed bank holidays, or cancel a generated one that has been moved,
/// so the working-day calendar stays right without a release.
/// </summary>
[Authorize(Policy = Permissions.Administer)]
public sealed class BankHolidaysModel(
    IroDbContext db, BankHolidayCalendar calendars, CurrentUserAccessor currentUser, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string AddKind = "add";
    public const string CancelKind = "cancel";

    [BindProperty] public string? Day { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public IReadOnlyList<AddedBankHoliday> Entries { get; private set; } = [];
    public IReadOnlyList<BankHoliday> Upcoming { get; private set; } = [];

    [TempData] public string? Saved { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var name = Name?.Trim();
        DateOnly date = default;
        var validDate = int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            && (date = new DateOnly(y, m, d)) != default;
        if (!validDate)
            ModelState.AddModelError(nameof(Day), "Enter a real date, for example 8 5 2023");
        if (string.IsNullOrEmpty(name))
            ModelState.AddModelError(nameof(Name), "Enter the name of the holiday");
        else if (name.Length > AddedBankHoliday.NameMaxLength)
            ModelState.AddModelError(nameof(Name), $"Name must be {AddedBankHoliday.NameMaxLength} characters or fewer");
        if (Kind is not (AddKind or CancelKind))
            ModelState.AddModelError(nameof(Kind), "Select whether to add a holiday or cancel one");

        if (validDate && Kind == AddKind && calendar.IsHoliday(date))
            ModelState.AddModelError(nameof(Day), "That date is already a bank holiday");
        else if (validDate && Kind == AddKind && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            ModelState.AddModelError(nameof(Day), "That date is a weekend, so it is already not a working day");
        if (validDate && Kind == CancelKind && !EnglandAndWalesBankHolidays.For(date.Year).Any(h => h.Date == date))
            ModelState.AddModelError(nameof(Day), "Only a bank holiday in the built-in calendar can be cancelled");
        if (validDate && Kind == CancelKind && !calendar.IsHoliday(date))
            ModelState.AddModelError(nameof(Day), "That holiday has already been cancelled");

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var user = await currentUser.GetAsync(ct);
        var entry = new AddedBankHoliday { Date = date, Name = name!, CancelsGeneratedHoliday = Kind == CancelKind };
        db.AddedBankHolidays.Add(entry);
        await db.SaveChangesAsync(ct);
        var values = JsonSerializer.Serialize(new { Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Name, entry.CancelsGeneratedHoliday });
        await audit.RecordAsync(user.UserId, "Create", nameof(AddedBankHoliday), entry.Id.ToString(CultureInfo.InvariantCulture), values, ct);
        calendars.Invalidate();
        Saved = entry.CancelsGeneratedHoliday ? $"{date:d MMMM yyyy} is now a working day." : $"{entry.Name} on {date:d MMMM yyyy} has been added.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Entries = await db.AddedBankHolidays.AsNoTracking().OrderByDescending(h => h.Date).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.ServiceToday();
        Upcoming = [.. calendar.HolidaysIn(today.Year).Concat(calendar.HolidaysIn(today.Year + 1)).Where(h => h.Date >= today)];
    }
}
