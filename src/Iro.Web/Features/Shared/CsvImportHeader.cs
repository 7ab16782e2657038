using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features;

/// <summary>
/// The header row of a spreadsheet import: every expected column present, no unexpected ones, in any order and
/// any case (a byte-order mark on the first is ignored). The imports of IROs, escalations and the like share it so
/// that they report a wrong header the same way.
/// </summary>
public static class CsvImportHeader
{
    /// <summary>
    /// Each expected column's position, or null after adding the error when the file is empty
    /// (<paramref name="header"/> null) or its columns are not the expected ones.
    /// </summary>
    public static Dictionary<string, int>? Index(string file, IReadOnlyList<string>? header, IReadOnlyList<string> columns, ICollection<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(errors);
        if (header is null)
        {
            errors.Add(new ImportError(file, 0, "", "", "the file is empty; expected a header row: " + string.Join(",", columns)));
            return null;
        }

        var names = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var missing = columns.Except(names).ToList();
        var unexpected = names.Except(columns).Where(h => h.Length > 0).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add("missing columns: " + string.Join(", ", missing));
            if (unexpected.Count > 0) parts.Add("unexpected columns: " + string.Join(", ", unexpected));
            errors.Add(new ImportError(file, 1, "", "", "header row: " + string.Join("; ", parts)));
            return null;
        }

        return columns.ToDictionary(c => c, c => names.IndexOf(c));
    }
}
