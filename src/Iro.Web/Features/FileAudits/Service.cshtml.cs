using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Voice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.FileAudits;

/// <summary>File audits dated in a period: the share of "yes" per configured question, numerator and denominator shown.</summary>
[Authorize]
public sealed class ServiceModel(IroDbContext db, CurrentUserAccessor users, TimeProvider clock, IOptions<VoiceOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = new();

    public ServicePeriod Period { get; private set; } = null!;
    public int Audits { get; private set; }
    public IReadOnlyList<AuditQuestionShare> Shares { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!VoiceScope.MayOpen(user)) return Forbid();
        Period = ServicePeriod.Read(From, To, ModelState, clock.ServiceToday());
        (From, To) = (DateInput.From(Period.From), DateInput.From(Period.To));
        var counted = VoiceScope.CountedChildren(db, user).Select(c => c.Id);
        var audits = await db.FileAudits.AsNoTracking().Include(a => a.Answers)
            .Where(a => a.AuditedOn >= Period.From && a.AuditedOn <= Period.To && counted.Contains(a.ChildId)).ToListAsync(ct);
        Audits = audits.Count;
        Shares = FileAuditFigures.ShareYes(audits, options.Value.EffectiveAuditQuestions);
        return Page();
    }
}
