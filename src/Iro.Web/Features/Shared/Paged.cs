using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features;

/// <summary>One page of a list, with the list's total so the page can say how many there are.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Paging.PageCount(Total, PageSize);

    /// <summary>The position of the first row shown, counting from 1.</summary>
    public int First => ((Page - 1) * PageSize) + 1;

    /// <summary>The position of the last row shown.</summary>
    public int Last => First + Rows.Count - 1;

    /// <summary>The pagination partial's model: <paramref name="link"/> gives the address of a page number.</summary>
    public Pager Pager(string label, Func<int, string> link) => new(Page, Pages, label, link);
}

/// <summary>The model of the shared <c>_Pagination</c> partial (GOV.UK pagination).</summary>
public sealed record Pager(int Page, int Pages, string Label, Func<int, string> Link);

/// <summary>Paging of lists: in memory or in the database, the same page size, clamping and links.</summary>
public static class Paging
{
    public const int PageSize = 25;

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page asked for, brought within the list (a page past the end shows the last page).</summary>
    public static Paged<T> PageOf<T>(this IReadOnlyList<T> all, int page, int pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(all);
        var current = Math.Clamp(page, 1, PageCount(all.Count, pageSize));
        return new Paged<T>([.. all.Skip((current - 1) * pageSize).Take(pageSize)], all.Count, current, pageSize);
    }

    /// <summary>One page of an ordered query: a count, then only that page's rows from the database.</summary>
    public static async Task<Paged<T>> PageOfAsync<T>(this IQueryable<T> ordered, int page, CancellationToken ct, int pageSize = PageSize)
    {
        var total = await ordered.CountAsync(ct);
        var current = Math.Clamp(page, 1, PageCount(total, pageSize));
        var rows = await ordered.Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(rows, total, current, pageSize);
    }

    /// <summary>The page number a query-string value asks for; 1 when absent or not a number.</summary>
    public static int RequestedPage(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1;

    /// <summary>
    /// The address of one page of a list: <paramref name="path"/> with the other values kept (empty ones left
    /// out) and <paramref name="pageKey"/> set to the page.
    /// </summary>
    public static string Link(string path, IEnumerable<KeyValuePair<string, string?>> values, string pageKey, int page) =>
        QueryHelpers.AddQueryString(path, values
            .Where(v => v.Key != pageKey && !string.IsNullOrEmpty(v.Value))
            .Append(new(pageKey, page.ToString(CultureInfo.InvariantCulture))));
}
