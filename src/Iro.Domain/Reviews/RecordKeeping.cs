namespace Iro.Domain.Reviews;

/// <summary>An entry whose every change is kept in the audit trail (who, when, old and new values).</summary>
public interface IAudited;

/// <summary>An entry attributed to the member of staff who wrote it, and time-stamped; filled in on save.</summary>
public interface IAttributed
{
    string CreatedByUserId { get; set; }
    string CreatedByName { get; set; }
    DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Deleted entries are kept, marked deleted and hidden, so the record and its audit stay whole.</summary>
public interface ISoftDeletable
{
    bool IsDeleted { get; set; }
}

/// <summary>
/// An optimistic concurrency token, replaced on every save. A Guid rather than a database row version so
/// that it works the same on SQLite and PostgreSQL. Every record a form changes carries one: the form posts
/// the version it showed, and a save against any other version writes nothing.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
