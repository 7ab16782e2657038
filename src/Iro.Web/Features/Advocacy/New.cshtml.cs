using Iro.Domain.Voice;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Advocacy;

/// <summary>
/// Records an advocacy referral for the child: from the advocacy page, or from a review (<c>?reviewId=</c>, which
/// links the referral to the review and starts with the IRO as the source and the review's date).
/// </summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class NewModel(AdvocacyWorkspace workspace) : ReferralFormModel(workspace)
{
    public DateOnly? ReviewDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? reviewId, CancellationToken ct)
    {
        Child = Workspace.Context.Child;
        if (!Workspace.Context.CanWrite) return Redirect(AdvocacyLinks.Index(Child.LocalId));
        ReferredOn = DateInput.From(Workspace.Today);
        if (reviewId is { } id)
        {
            ReviewDate = await Workspace.ReviewDateAsync(id, ct);
            if (ReviewDate is null) return NotFound();
            ReviewId = id;
            Source = nameof(AdvocacySource.Iro);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Child = Workspace.Context.Child;
        if (ReviewId is { } id && (ReviewDate = await Workspace.ReviewDateAsync(id, ct)) is null) return NotFound();
        if (Read() is not { } input) return Page();
        var referral = new AdvocacyReferral { ChildId = Child.Id, ReviewId = ReviewId };
        Apply(referral, input);
        Workspace.Db.AdvocacyReferrals.Add(referral);
        await Workspace.Db.SaveChangesAsync(ct);
        return Redirect(AdvocacyLinks.Index(Child.LocalId));
    }
}
