using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Iro.Web.Audit;

/// <summary>
/// The last line of the input limits: nothing is saved beyond its column's configured width, whichever form,
/// import or command wrote it. Forms check their own limits first and name the field; this refuses what any of
/// them missed, before it reaches the database (SQLite would store it whole; PostgreSQL would fail the save).
/// </summary>
public static class ColumnWidthGuard
{
    /// <summary>Throws <see cref="TextTooLongException"/> for the first added or changed text longer than its column.</summary>
    public static void Check(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is not string text || property.Metadata.GetMaxLength() is not { } max || text.Length <= max) continue;
                if (entry.State == EntityState.Added || property.IsModified) throw new TextTooLongException(entry, property, max);
            }
        }
    }
}

/// <summary>A text was longer than its column: the save is refused and nothing is written.</summary>
public sealed class TextTooLongException : InvalidOperationException
{
    internal TextTooLongException(EntityEntry entry, PropertyEntry property, int max)
        : base($"{entry.Metadata.ClrType.Name}.{property.Metadata.Name} may hold at most {max} characters; {((string)property.CurrentValue!).Length} were given.")
    {
        Entity = entry.Metadata.ClrType.Name;
        Property = property.Metadata.Name;
        MaxLength = max;
    }

    public TextTooLongException()
    {
    }

    public TextTooLongException(string message)
        : base(message)
    {
    }

    public TextTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Entity { get; }
    public string? Property { get; }
    public int MaxLength { get; }
}
