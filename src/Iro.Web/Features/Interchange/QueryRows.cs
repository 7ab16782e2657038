using System.Data.Common;
using System.Globalization;
using Iro.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Reads an EF query's rows straight from its data reader, for reads of most of a table (a collection year's
/// episodes, reviews and children) where materialising each row through EF costs more than the database does.
/// The SQL is EF's own for the query (<c>CreateDbCommand</c>), so query filters and the query's LINQ apply as
/// usual; the query projects scalar columns, which the reader sees in the projection's order, each as the
/// provider stores it (an enum by its name).
/// </summary>
internal static class QueryRows
{
    public static async Task ReadEachAsync<T>(this IQueryable<T> query, IroDbContext db, Action<DbDataReader> readRow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(readRow);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) readRow(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A text column that may be null, read in one call (a null check and then the text is two).</summary>
    public static string? GetStringOrNull(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetValue(ordinal) as string;
    }

    public static DateOnly? GetDateOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    /// <summary>
    /// A date column: PostgreSQL's <c>date</c>, or SQLite's text in EF's <c>yyyy-MM-dd</c> form, read without the
    /// general date parser (the provider's own conversion parses every value in full).
    /// </summary>
    public static DateOnly GetDate(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader is not SqliteDataReader) return reader.GetFieldValue<DateOnly>(ordinal);
        var text = reader.GetString(ordinal);
        return IsoDigits(text, 0, 4) is { } year && text.Length == 10 && text[4] == '-' && text[7] == '-'
            && IsoDigits(text, 5, 2) is { } month && IsoDigits(text, 8, 2) is { } day
            ? new DateOnly(year, month, day)
            : DateOnly.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>An enum column, stored by its name (the model's convention for every enum).</summary>
    public static TEnum GetEnum<TEnum>(this DbDataReader reader, int ordinal) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(reader);
        return EnumNames<TEnum>.Parse(reader.GetString(ordinal));
    }

    public static TEnum? GetEnumOrNull<TEnum>(this DbDataReader reader, int ordinal) where TEnum : struct, Enum =>
        reader.GetStringOrNull(ordinal) is { } name ? EnumNames<TEnum>.Parse(name) : null;

    private static int? IsoDigits(string text, int start, int length)
    {
        if (text.Length < start + length) return null;
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9) return null;
            value = value * 10 + digit;
        }

        return value;
    }

    /// <summary>An enum's values by name, looked up once each rather than parsed for every row.</summary>
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
            .DistinctBy(v => v.ToString()).ToDictionary(v => v.ToString(), StringComparer.Ordinal);

        /// <summary>Any other spelling is parsed as EF Core's conversion parses it.</summary>
        public static TEnum Parse(string name) => ByName.TryGetValue(name, out var value) ? value : Enum.Parse<TEnum>(name, ignoreCase: true);
    }
}
