using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Features.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.MyIro;

/// <summary>
/// The child's "My IRO" letter for printing, and as a Word document. The child context has loaded the child
/// within the user's scope and recorded the read.
/// </summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class LetterModel(ChildContext childContext, MyIroLetters letters, TimeProvider clock) : PageModel
{
    /// <summary>Null when the child has no IRO today.</summary>
    public MyIroLetter? Letter { get; private set; }

    public string ChildId => childContext.ChildId;

    public string ChildName => childContext.Child.DisplayName;

    public async Task OnGetAsync(CancellationToken ct) =>
        Letter = (await letters.ForChildAsync(childContext.ChildKey, clock.ServiceToday(), ct))?.Letter;

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (Letter is null) return Redirect(MyIroLinks.Letter(ChildId));
        return File(MyIroDocument.Build([Letter]), LetterDocument.ContentType, $"my-iro-{ChildId}.docx");
    }
}
