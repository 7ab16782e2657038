using System.Text.Json;
using System.Text.Json.Nodes;
using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The year's report editions: drafts, publishing, and the figures a report shows. A published report shows its
/// frozen figures. A draft shows figures computed now; its comparison column is the previous year's published
/// figures where that year was published, and any previous-year figure the data now gives differently is listed
/// as a restatement.
/// </summary>
public sealed class AnnualReportBook(IroDbContext db, AnnualReportQuery query, TimeProvider clock)
{
    public sealed record PublishResult(bool Published, IReadOnlyList<ReconciliationFailure> Failures);

    public Task<AnnualReportEdition?> FindAsync(ReportingYear year, CancellationToken ct) =>
        db.AnnualReportEditions.SingleOrDefaultAsync(e => e.Year == year.ToString(), ct);

    public async Task<AnnualReportEdition> DraftAsync(ReportingYear year, CancellationToken ct)
    {
        if (await FindAsync(year, ct) is { } existing) return existing;
        var edition = new AnnualReportEdition { Year = year.ToString() };
        db.AnnualReportEditions.Add(edition);
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>The report's figures as JSON, frozen when the year is published.</summary>
    public async Task<JsonObject> FiguresAsync(ReportingYear year, CancellationToken ct)
    {
        var edition = await FindAsync(year, ct);
        if (edition?.PublishedFigures is { } frozen) return JsonNode.Parse(frozen)!.AsObject();
        return await ComputeAsync(year, ct);
    }

    /// <summary>Publishes the year's report unless a reconciliation check fails; the figures are frozen as they are now.</summary>
    public async Task<PublishResult> PublishAsync(ReportingYear year, CurrentUser? by, CancellationToken ct)
    {
        var edition = await DraftAsync(year, ct);
        if (edition.IsPublished) return new PublishResult(true, []);
        var figures = await query.RunAsync(year, ct);
        var failures = AnnualReportChecks.For(figures, edition.KeyMessages);
        if (failures.Count > 0) return new PublishResult(false, failures);

        edition.PublishedFigures = (await WithPublishedComparisonAsync(year, figures, ct)).ToJsonString(AnnualReportJson.SerializerOptions);
        edition.PublishedAt = clock.GetUtcNow();
        edition.PublishedByName = by?.DisplayName ?? Audit.WriteAuditInterceptor.SystemUser;
        await db.SaveChangesAsync(ct);
        return new PublishResult(true, []);
    }

    /// <summary>A rendered report: its bytes, the content type and file name to download it as.</summary>
    public sealed record RenderedReport(byte[] Content, string ContentType, string FileName)
    {
        public bool IsText => ContentType.StartsWith("text/", StringComparison.Ordinal) || ContentType == "application/json";
    }

    /// <summary>The report in one of its formats: html, docx, xlsx or json, all from the same figures and layout.</summary>
    public async Task<RenderedReport> RenderAsync(ReportingYear year, string format, CancellationToken ct)
    {
        var figures = await FiguresAsync(year, ct);
        var edition = await FindAsync(year, ct);
        var sections = ReportLayout.Sections(figures, edition);
        var title = $"Independent Reviewing Officer service: annual report {year}";
        var previous = new ReportingYear(year.StartYear - 1).ToString();
        var name = $"iro-annual-report-{year}";
        return format switch
        {
            "html" => new(System.Text.Encoding.UTF8.GetBytes(ReportHtml.Render(title, sections, year.ToString(), previous)), "text/html", name + ".html"),
            "docx" => new(ReportDocument.Build(title, sections, year.ToString(), previous), Reviews.LetterDocument.ContentType, name + ".docx"),
            "xlsx" => new(ReportWorkbook.Build(figures, sections), ReportWorkbook.ContentType, name + ".xlsx"),
            _ => new(System.Text.Encoding.UTF8.GetBytes(figures.ToJsonString(AnnualReportJson.SerializerOptions)), "application/json", name + ".json"),
        };
    }

    private async Task<JsonObject> ComputeAsync(ReportingYear year, CancellationToken ct) =>
        await WithPublishedComparisonAsync(year, await query.RunAsync(year, ct), ct);

    private async Task<JsonObject> WithPublishedComparisonAsync(ReportingYear year, AnnualReportFigures figures, CancellationToken ct)
    {
        var report = JsonSerializer.SerializeToNode(AnnualReportJson.From(figures), AnnualReportJson.SerializerOptions)!.AsObject();
        var previous = await FindAsync(new ReportingYear(year.StartYear - 1), ct);
        if (previous?.PublishedFigures is not { } published) return report;

        var publishedYear = JsonNode.Parse(published)!.AsObject();
        publishedYear.Remove("previousYear");
        publishedYear.Remove("restatements");
        var recomputed = report["previousYear"]!.AsObject();
        var restatements = new JsonArray();
        foreach (var (path, was, now) in Restatements.Between(publishedYear, recomputed))
            restatements.Add(new JsonObject { ["path"] = path, ["published"] = was?.DeepClone(), ["now"] = now?.DeepClone() });
        report["previousYear"] = publishedYear;
        report["restatements"] = restatements;
        return report;
    }
}
