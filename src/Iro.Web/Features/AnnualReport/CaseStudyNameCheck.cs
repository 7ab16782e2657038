using Iro.Domain.AnnualReport;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// Warns a manager when the case studies name a child in the system (<see cref="NamesInText"/>): a warning, not a
/// block, since a case study may use a name by chance. Only the children the user may see are checked, so the
/// warning tells nobody about a child they could not open; each child it names is recorded as read.
/// </summary>
public sealed class CaseStudyNameCheck(IroDbContext db, AuditLog audit)
{
    public const string Opened = "annual report case studies";

    public async Task<IReadOnlyList<string>> WarningsAsync(string? caseStudies, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(caseStudies)) return [];
        var children = await db.Children.VisibleTo(user).AsNoTracking()
            .Where(c => c.FirstName != null && c.LastName != null)
            .Select(c => new { c.LocalId, c.FirstName, c.LastName }).ToListAsync(ct);
        var found = NamesInText.Find(caseStudies, children.Select(c => (c.FirstName, c.LastName)));
        if (found.Count == 0) return [];

        var named = found.ToHashSet(StringComparer.Ordinal);
        foreach (var child in children.Where(c => named.Contains($"{c.FirstName!.Trim()} {c.LastName!.Trim()}")))
            await audit.RecordChildReadAsync(user.UserId, child.LocalId, Opened, ct);
        return found.Select(name => $"The case studies contain \"{name}\", the name of a child in the system. Check that no child can be identified before you publish.").ToList();
    }
}
