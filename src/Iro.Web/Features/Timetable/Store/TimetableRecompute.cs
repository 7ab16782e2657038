using Iro.Domain.Children;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// A child whose materialised timetable must be recomputed: the durable queue, written in the same transaction as
/// the change (<see cref="TimetableQueueInterceptor"/>, <see cref="TimetableQueueing"/>).
/// </summary>
public sealed class TimetableRecompute
{
    public int ChildId { get; set; }

    /// <summary>
    /// New with every enqueue: a recompute removes only the entries it read, so a change committed while it ran
    /// keeps its child queued.
    /// </summary>
    public Guid Stamp { get; set; }

    /// <summary>Set only when queuing a child added in the same save, whose key is not known yet.</summary>
    public Child? Child { get; set; }
}
