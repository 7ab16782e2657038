using Iro.Domain.Reviews;

namespace Iro.Domain.AnnualReport;

/// <summary>
/// One reporting year's annual report: the narrative a manager writes (key messages, legal context, case
/// studies, priorities) and, once published, its figures frozen as they were, so that later corrections to the
/// data never change a published report and next year's comparison column comes from what was published.
/// </summary>
public class AnnualReportEdition : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>The reporting year, written "2017-18"; one edition per year.</summary>
    public required string Year { get; set; }

    public string? KeyMessages { get; set; }
    public string? LegalContext { get; set; }
    public string? CaseStudies { get; set; }
    public string? LastYearPriorities { get; set; }
    public string? NextYearPriorities { get; set; }

    /// <summary>The figures as published (the report's JSON); null while a draft.</summary>
    public string? PublishedFigures { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedByName { get; set; }

    public bool IsPublished => PublishedFigures is not null;

    public Guid Version { get; set; } = Guid.NewGuid();
}
