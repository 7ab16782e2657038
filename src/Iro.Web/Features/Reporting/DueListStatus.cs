namespace Iro.Web.Features.Reporting;

/// <summary>
/// The status filter and tag of a row on the reviews due list. <see cref="Scheduled"/> means only that the due
/// date is known and not yet near; whether a meeting is booked is shown separately.
/// </summary>
public enum DueListStatus { Overdue, DueSoon, Scheduled, Unknown }

/// <summary>How each status is written: its slug (query string and CSV), its label and its tag colour.</summary>
public sealed record DueListStatusText(DueListStatus Status, string Slug, string Label, string TagClass)
{
    /// <summary>In the order the home page and the filter list them.</summary>
    public static readonly IReadOnlyList<DueListStatusText> All =
    [
        new(DueListStatus.Overdue, "overdue", "Overdue", "govuk-tag--red"),
        new(DueListStatus.DueSoon, "due-soon", "Due soon", "govuk-tag--orange"),
        new(DueListStatus.Scheduled, "scheduled", "Not due yet", "govuk-tag--blue"),
        new(DueListStatus.Unknown, "unknown", "Due date unknown", "govuk-tag--grey"),
    ];

    public static DueListStatusText Of(DueListStatus status) => All.First(s => s.Status == status);

    /// <summary>The status a slug names; null for no filter or an unknown slug.</summary>
    public static DueListStatus? FromSlug(string? slug) => All.FirstOrDefault(s => s.Slug == slug)?.Status;
}
