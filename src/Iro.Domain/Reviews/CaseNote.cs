using Iro.Domain.Children;

namespace Iro.Domain.Reviews;

/// <summary>An IRO's case note on a child's file.</summary>
public class CaseNote : IAudited, IAttributed, ISoftDeletable, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public required string Text { get; set; }
    public bool SignificantEvent { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
