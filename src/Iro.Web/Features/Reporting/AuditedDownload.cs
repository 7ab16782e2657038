using System.Globalization;
using Iro.Web.Access;
using Iro.Web.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Iro.Web.Features.Reporting;

/// <summary>
/// A CSV download of personal data, written by <see cref="CsvReport"/> and recorded in the read audit against the
/// signed-in user: one entry for each child in it (so the child's "who has opened this record" lists the
/// download), or for each IRO in a list of IROs.
/// </summary>
public sealed class AuditedDownload(AuditLog audit, CurrentUserAccessor currentUser, IHttpContextAccessor http)
{
    /// <summary>The column every report naming children has; its values are the children's local ids.</summary>
    public const string ChildIdColumn = "child_id";

    public const string OfficerEntity = "ReviewingOfficer";

    /// <summary>
    /// The table as a CSV download, after recording a read of each child in its <see cref="ChildIdColumn"/>
    /// column, so a new report with children is audited without code of its own.
    /// </summary>
    public async Task<FileContentResult> ChildrenCsvAsync(ReportTable table, string fileName, CsvLineEnding lineEnding, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var column = IndexOf(table, ChildIdColumn);
        var rows = table.Rows.ToList();
        var children = rows.Select(r => r[column] as string).OfType<string>().Where(id => id.Length > 0);
        return await CsvAsync(table with { Rows = rows }, fileName, AuditLog.ChildEntity, children, lineEnding, ct);
    }

    /// <summary>The table as a CSV download, after recording a read of each IRO (by id) in it.</summary>
    public Task<FileContentResult> OfficersCsvAsync(ReportTable table, string fileName, IEnumerable<int> officerIds, CsvLineEnding lineEnding, CancellationToken ct) =>
        CsvAsync(table, fileName, OfficerEntity, officerIds.Select(id => id.ToString(CultureInfo.InvariantCulture)), lineEnding, ct);

    private async Task<FileContentResult> CsvAsync(
        ReportTable table, string fileName, string entityType, IEnumerable<string> keys, CsvLineEnding lineEnding, CancellationToken ct)
    {
        var file = CsvReport.File(table, fileName, lineEnding);
        var user = await currentUser.GetAsync(ct);
        var request = http.HttpContext?.Request;
        var opened = request is null ? fileName : request.Path + request.QueryString;
        await audit.RecordDownloadAsync(user.UserId, entityType, keys, opened, fileName, ct);
        return file;
    }

    private static int IndexOf(ReportTable table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i] == column) return i;
        }

        throw new ArgumentException($"The report has no '{column}' column to audit its children by.", nameof(table));
    }
}
