using System.Globalization;
using System.Net;
using System.Text;

namespace Iro.Web.Features.AnnualReport;

/// <summary>A bar of a chart: a label and its value (null when there is nothing to show, such as a month with no reviews).</summary>
public sealed record ChartBar(string Label, decimal? Value);

/// <summary>A horizontal reference line across a chart, such as the caseload band's ends.</summary>
public sealed record ChartLine(string Label, decimal Value);

/// <summary>
/// A bar chart of a table's figures. Its text alternative lists every bar, so a reader who cannot see the chart
/// loses nothing; the table beside it carries the same figures.
/// </summary>
public sealed record ReportChart(string Title, IReadOnlyList<ChartBar> Bars, string Unit, IReadOnlyList<ChartLine> Lines)
{
    public string TextAlternative =>
        $"Bar chart. {Title}: " + string.Join("; ", Bars.Select(b => $"{b.Label} {(b.Value is { } v ? ReportNumbers.Format(v) + Unit : "none")}"))
        + (Lines.Count == 0 ? "" : ". Reference lines: " + string.Join("; ", Lines.Select(l => $"{l.Label} {ReportNumbers.Format(l.Value)}{Unit}")))
        + ". The same figures are in the table beside it.";

    /// <summary>The top of the value axis: the largest bar or line, rounded up to a whole step of a fifth of it.</summary>
    public decimal AxisMax
    {
        get
        {
            var largest = Bars.Select(b => b.Value ?? 0).Concat(Lines.Select(l => l.Value)).DefaultIfEmpty(0).Max();
            if (Unit == "%") return 100;
            if (largest <= 0) return 1;
            var step = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)largest)));
            return Math.Ceiling(largest / step) * step;
        }
    }
}

/// <summary>
/// Draws a <see cref="ReportChart"/> as inline SVG with presentation attributes only (the content security policy
/// forbids inline styles), labelled by its title and text alternative. Used by the report page and the HTML file.
/// </summary>
public static class ReportChartSvg
{
    private const int Width = 640, Height = 280, Left = 48, Top = 12, PlotHeight = 200, Right = 10;

    public static string Render(ReportChart chart, string id)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var max = chart.AxisMax;
        var count = Math.Max(chart.Bars.Count, 1);
        var slot = (Width - Left - Right) / (double)count;
        var barWidth = Math.Max(slot * 0.7, 1);
        double Y(decimal value) => Top + PlotHeight - (double)(value / max) * PlotHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"app-chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(chart.Title)}</title><desc id=\"{id}-desc\">{E(chart.TextAlternative)}</desc>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>" +
                $"<text x=\"{Left - 6}\" y=\"{N(Y(value))}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">{ReportNumbers.Format(Math.Round(value, 1))}{E(chart.Unit)}</text>");
        }

        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var x = Left + i * slot + (slot - barWidth) / 2;
            if (bar.Value is { } value)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{N(x)}\" y=\"{N(Y(value))}\" width=\"{N(barWidth)}\" height=\"{N(Top + PlotHeight - Y(value))}\" fill=\"#1d70b8\"><title>{E(bar.Label)}: {ReportNumbers.Format(value)}{E(chart.Unit)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{N(x + barWidth / 2)}\" y=\"{Top + PlotHeight + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">{E(ShortLabel(bar.Label))}</text>");
        }

        foreach (var line in chart.Lines)
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(line.Value))}\" y2=\"{N(Y(line.Value))}\" stroke=\"#d4351c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>" +
                $"<text x=\"{Width - Right - 2}\" y=\"{N(Y(line.Value) - 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#d4351c\">{E(line.Label)} {ReportNumbers.Format(line.Value)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Month labels ("April 2017") shortened to fit under a bar ("Apr"); other labels kept.</summary>
    private static string ShortLabel(string label) =>
        DateTime.TryParseExact(label, "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMM", CultureInfo.InvariantCulture)
            : label;

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
