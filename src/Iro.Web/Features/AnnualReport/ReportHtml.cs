using System.Globalization;
using System.Net;
using System.Text;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The report as one self-contained, print-friendly HTML file (for <c>iro report annual --format html</c>): the
/// same numbered sections and tables as the page, with table captions and headers for screen readers.
/// </summary>
public static class ReportHtml
{
    public static string Render(string title, IReadOnlyList<ReportSection> sections, string year, string previousYear)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;color:#0b0c0c}table{border-collapse:collapse;margin:1em 0;width:100%}
            th,td{border-bottom:1px solid #b1b4b6;padding:.3em .5em;text-align:left}td.n{text-align:right}caption{font-weight:bold;text-align:left}
            @media print{h2{break-before:page} }</style></head><body>
            <h1>{{E(title)}}</h1>
            <ol>
            """);
        foreach (var section in sections) html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#section-{section.Number}\">{E(section.Title)}</a></li>");
        html.Append("</ol>");
        var tableNumber = 0;
        foreach (var section in sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"section-{section.Number}\">{section.Number}. {E(section.Title)}</h2>");
            foreach (var paragraph in section.Paragraphs) html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>");
            foreach (var table in section.Tables)
            {
                tableNumber++;
                if (table.Chart is { } chart) html.Append(CultureInfo.InvariantCulture, $"<figure>{ReportChartSvg.Render(chart, $"chart-{tableNumber}")}</figure>");
                html.Append(CultureInfo.InvariantCulture, $"<table><caption>Table {tableNumber}: {E(table.Caption)}</caption><thead><tr><th scope=\"col\"></th><th scope=\"col\">{E(year)}</th><th scope=\"col\">{E(previousYear)}</th><th scope=\"col\">Change</th><th scope=\"col\">Share</th></tr></thead><tbody>");
                foreach (var row in table.Rows)
                    html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(row.Label)}</th><td class=\"n\">{ReportNumbers.Format(row.Value)}</td><td class=\"n\">{ReportNumbers.Format(row.PreviousValue)}</td><td class=\"n\">{ReportNumbers.Change(row.Change)}</td><td>{E(row.Note ?? "")}</td></tr>");
                html.Append("</tbody></table>");
                if (!string.IsNullOrEmpty(table.Definition)) html.Append(CultureInfo.InvariantCulture, $"<p><small>{E(table.Definition)}</small></p>");
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>How the report writes its numbers, the same in every output: whole numbers plain, others to two places at most, "–" for none.</summary>
public static class ReportNumbers
{
    public static string Format(decimal? value) =>
        value is { } v ? v.ToString(v == decimal.Truncate(v) ? "0" : "0.0#", CultureInfo.InvariantCulture) : "–";

    public static string Change(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + Format(v) : "–";
}
