namespace Iro.Web.Features.Oversight;

/// <summary>One page of a list, with the list's total so the page can say how many there are.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int Pages)
{
    /// <summary>The position of the first row shown, counting from 1.</summary>
    public int First => (Page - 1) * Paging.PageSize + 1;
}

public static class Paging
{
    public const int PageSize = 25;

    /// <summary>The page asked for, brought within the list (a page past the end shows the last page).</summary>
    public static Paged<T> PageOf<T>(this IReadOnlyList<T> all, int page)
    {
        ArgumentNullException.ThrowIfNull(all);
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pages);
        return new Paged<T>([.. all.Skip((current - 1) * PageSize).Take(PageSize)], all.Count, current, pages);
    }
}
