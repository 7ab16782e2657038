using System.Globalization;
using System.Text.RegularExpressions;

namespace Iro.Web.Tests.Features.Lists;

/// <summary>Reads the counts that the home page and the lists show, as a person reads them.</summary>
public static partial class ListPages
{
    public static int Number(string html, string id)
    {
        var match = new Regex($"id=\"{Regex.Escape(id)}\">(\\d+)<").Match(html);
        Assert.True(match.Success, $"No count with id {id}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The "N children" total above the children list.</summary>
    public static int ChildrenTotal(string html) => int.Parse(ResultCount().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The CSV download's data rows (after the header).</summary>
    public static IReadOnlyList<string[]> CsvRows(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(line => line.Split(','))];

    /// <summary>The child links in the children table, in order.</summary>
    public static IReadOnlyList<string> ChildLinks(string html) =>
        [.. ChildLink().Matches(html).Select(m => m.Groups[1].Value)];

    public static string Title(string html) => TitlePattern().Match(html).Groups[1].Value;

    [GeneratedRegex("id=\"result-count\"><strong>(\\d+)</strong>")]
    private static partial Regex ResultCount();

    [GeneratedRegex("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/children/([^\"/]+)\">")]
    private static partial Regex ChildLink();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();
}
