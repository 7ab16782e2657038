using Iro.Domain.AnnualReport;

namespace Iro.Web.Features.AnnualReport;

/// <summary>Annual report settings, from the configuration section <c>Report</c>.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Report";

    /// <summary>Comma-separated age bands, such as <c>0-4,5-9,10-15,16-17</c>; empty for the DfE bands.</summary>
    public string? AgeBands { get; set; }

    public IReadOnlyList<AgeBand> Bands => ReportAgeBands.Parse(AgeBands);
}
