using Iro.Domain.Reviews;

namespace Iro.Domain.Children;

/// <summary>
/// Records that one looked-after child is the parent of another. A looked-after parent and their child must
/// have different IROs (statutory-rules section 12.1), so allocation blocks the parent's IRO for the child and
/// the other way round.
/// </summary>
public class ParentChildLink : IAudited
{
    public int Id { get; set; }
    public int ParentId { get; set; }
    public Child? Parent { get; set; }
    public int ChildOfParentId { get; set; }
    public Child? ChildOfParent { get; set; }
}
