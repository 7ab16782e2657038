using Iro.Domain.Children;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.ConnectedPersons;

/// <summary>The fields of the connected-person approval form, shared by adding and changing an approval.</summary>
public abstract class ApprovalFormModel(ChildContext context, IroDbContext db) : PageModel
{
    /// <summary>Temporary approval lasts 16 weeks and may be extended once by up to 8 (CPPCR regs 24 and 25).</summary>
    public const int LongestApprovalWeeks = 24;

    public const int CarerNameLength = 200;

    protected ChildContext Context => context;
    protected IroDbContext Db => db;
    public Child Child { get; protected set; } = null!;

    [BindProperty] public DateInput ApprovedOn { get; set; } = new();
    [BindProperty] public DateInput ExtendedTo { get; set; } = new();
    [BindProperty] public DateInput EndedOn { get; set; } = new();
    [BindProperty] public string? CarerName { get; set; }

    protected void Fill(ConnectedPersonApproval approval)
    {
        ApprovedOn = DateInput.From(approval.ApprovedOn);
        ExtendedTo = DateInput.From(approval.ExtendedTo);
        EndedOn = DateInput.From(approval.EndedOn);
        CarerName = approval.CarerName;
    }

    /// <summary>Reads and checks the form into <paramref name="approval"/>; false, changing nothing, with the errors in the model state.</summary>
    protected bool TryApply(ConnectedPersonApproval approval)
    {
        var approvedOn = ApprovedOn.Read(ModelState, nameof(ApprovedOn), "The date of temporary approval", "Enter the date of temporary approval");
        var extendedTo = ExtendedTo.Read(ModelState, nameof(ExtendedTo), "The date the approval is extended to");
        var endedOn = EndedOn.Read(ModelState, nameof(EndedOn), "The date the approval ended");
        var carer = string.IsNullOrWhiteSpace(CarerName) ? null : CarerName.Trim();
        if (approvedOn is { } approved)
        {
            if (extendedTo is { } extended && (extended <= approved.AddDays(16 * 7) || extended > approved.AddDays(LongestApprovalWeeks * 7)))
                ModelState.AddModelError(nameof(ExtendedTo), "The date the approval is extended to must be after the first 16 weeks and no more than 24 weeks after the date of temporary approval");
            if (endedOn is { } ended && ended < approved)
                ModelState.AddModelError(nameof(EndedOn), "The date the approval ended must be the same as or after the date of temporary approval");
        }

        if (carer?.Length > CarerNameLength)
            ModelState.AddModelError(nameof(CarerName), $"The carer's name must be {CarerNameLength} characters or fewer");
        if (!ModelState.IsValid) return false;

        approval.ApprovedOn = approvedOn!.Value;
        approval.ExtendedTo = extendedTo;
        approval.EndedOn = endedOn;
        approval.CarerName = carer;
        return true;
    }
}
