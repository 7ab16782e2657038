using Iro.Domain.Calendar;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using ImportError = Iro.Web.Features.Officers.ImportOfficers.ImportError;

namespace Iro.Web.Features.Voice;

/// <summary>What an import did: rows added, rows already stored (left as they are), or the errors that stopped it.</summary>
public sealed record VoiceImportResult(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static VoiceImportResult Failed(IEnumerable<ImportError> errors) => new(0, 0, [.. errors.OrderBy(e => e.Row)]);
}

/// <summary>The steps the child's-voice imports share: finding the children named by 903 ID, and writing a batch.</summary>
public sealed class VoiceImport(IroDbContext db, BulkImportWriter writer, TimeProvider clock)
{
    public IroDbContext Db => db;

    public DateOnly Today => clock.ServiceToday();

    /// <summary>The children's keys by 903 CHILD ID; an error for each row naming a child not loaded.</summary>
    public async Task<Dictionary<string, int>> ChildrenAsync(string file, IEnumerable<(int Row, string Child)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var list = rows.ToList();
        var ids = list.Select(r => r.Child).Distinct().ToList();
        var children = await db.Children.Where(c => ids.Contains(c.LocalId)).ToDictionaryAsync(c => c.LocalId, c => c.Id, ct);
        foreach (var (row, child) in list.Where(r => !children.ContainsKey(r.Child)))
            errors.Add(new ImportError(file, row, "child", child, "no child with this ID (load the children's 903 return first)"));
        return children;
    }

    /// <summary>Adds the new entries in one transaction with one audit entry for the load (<see cref="BulkImportWriter"/>).</summary>
    public Task AddAsync<T>(string file, string action, IReadOnlyCollection<T> added, CancellationToken ct) where T : class =>
        writer.AddAsync(file, action, added, ct);
}
